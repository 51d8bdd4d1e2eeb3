import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { CloudbaseError, invalidParam } from '../db/errors'
import { fsyncDir, writeAll } from '../db/durable-fs'
import type { Doc } from '../db/values'
import { checkCloudPath, cloudPathOf, diskPathOf, fileIdOf } from './paths'
import { UrlSigner } from './signing'

export interface StorageOptions {
  dataDir: string
  /** Base URL clients reach this server at, e.g. http://127.0.0.1:8080. */
  publicUrl: () => string
  maxUploadBytes?: number
}

const UPLOAD_URL_TTL = 600
const DEFAULT_MAX_AGE = 86_400
const MAX_MAX_AGE = 7 * 86_400

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
}

class TooLarge extends Error {}

/** COS answers uploads with an XML <Error>; node-sdk reads Code/Message/RequestId/TraceId from it. */
function sendXmlError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = randomBytes(8).toString('hex')
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<&>]/g, '')}</Message><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/**
 * Cloud storage on disk under <dataDir>/storage: the storage.* actions node-sdk sends to /admin,
 * plus the signed URLs it then uses — PUT for uploads, GET/HEAD for temp download URLs.
 */
export class LocalStorage {
  private readonly root: string
  private readonly tmpDir: string
  private readonly signer = new UrlSigner()
  private readonly maxUploadBytes: number

  constructor(private readonly options: StorageOptions) {
    this.root = path.join(options.dataDir, 'storage')
    this.tmpDir = path.join(options.dataDir, 'storage-tmp')
    this.maxUploadBytes = options.maxUploadBytes ?? 50 * 1024 * 1024
    fs.mkdirSync(this.root, { recursive: true })
    fs.rmSync(this.tmpDir, { recursive: true, force: true }) // leftovers of uploads cut short
    fs.mkdirSync(this.tmpDir, { recursive: true })
  }

  private url(cloudPath: string, query: string, encode: boolean): string {
    const p = encode ? cloudPath.split('/').map(encodeURIComponent).join('/') : cloudPath
    return `${this.options.publicUrl()}/storage/${p}?${query}`
  }

  /** Temp URLs keep the path raw: node-sdk's downloadFile runs encodeURI over them. */
  private tempUrl(cloudPath: string, maxAge: number): string {
    return this.url(cloudPath, this.signer.sign('GET', cloudPath, maxAge), false)
  }

  private exists(cloudPath: string): boolean {
    try {
      return fs.statSync(diskPathOf(this.root, cloudPath)).isFile()
    } catch {
      return false
    }
  }

  /** Runs one `storage.*` action; returns the reply body without requestId. */
  handle(action: string, params: Doc, env: string): Doc {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = checkCloudPath(params.path)
        return {
          data: {
            url: this.url(cloudPath, this.signer.sign('PUT', cloudPath, UPLOAD_URL_TTL), true),
            token: '',
            authorization: '',
            fileId: fileIdOf(env, cloudPath),
            cosFileId: randomBytes(16).toString('hex'),
            download_url: this.tempUrl(cloudPath, DEFAULT_MAX_AGE),
          },
        }
      }
      case 'storage.batchGetDownloadUrl': {
        if (!Array.isArray(params.file_list)) throw invalidParam('file_list must be an array')
        const list = params.file_list.map((item: { fileid?: unknown; max_age?: unknown }) => {
          const fileID = String(item?.fileid ?? '')
          const maxAge = item?.max_age === undefined ? DEFAULT_MAX_AGE : Number(item.max_age)
          if (!Number.isInteger(maxAge) || maxAge <= 0 || maxAge > MAX_MAX_AGE) {
            return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: `maxAge must be an integer in 1..${MAX_MAX_AGE}` }
          }
          try {
            const cloudPath = cloudPathOf(fileID)
            if (!this.exists(cloudPath)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
            return { fileID, tempFileURL: this.tempUrl(cloudPath, maxAge), code: 'SUCCESS' }
          } catch (e) {
            return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: (e as Error).message }
          }
        })
        return { data: { download_list: list } }
      }
      case 'storage.batchDeleteFile': {
        if (!Array.isArray(params.fileid_list)) throw invalidParam('fileid_list must be an array')
        const list = params.fileid_list.map((fileID: unknown) => {
          try {
            const cloudPath = cloudPathOf(fileID)
            if (!this.exists(cloudPath)) return { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
            const file = diskPathOf(this.root, cloudPath)
            fs.unlinkSync(file)
            fsyncDir(path.dirname(file))
            return { fileID, code: 'SUCCESS' }
          } catch (e) {
            return { fileID, code: e instanceof CloudbaseError ? e.code : 'STORAGE_REQUEST_FAIL', message: (e as Error).message }
          }
        })
        return { data: { delete_list: list } }
      }
      default:
        throw new CloudbaseError('STORAGE_REQUEST_FAIL', `action ${action} is not supported by the local CloudBase`)
    }
  }

  /** Serves /storage/<cloudPath>: signed PUT (upload), signed GET/HEAD (temp URL). */
  async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let cloudPath: string
    try {
      cloudPath = checkCloudPath(decodeURIComponent(url.pathname.slice('/storage/'.length)))
    } catch {
      return sendXmlError(res, 400, 'InvalidURI', 'bad storage path')
    }
    const method = req.method === 'PUT' ? 'PUT' : req.method === 'GET' || req.method === 'HEAD' ? 'GET' : null
    if (!method) {
      res.writeHead(405, { allow: 'GET, HEAD, PUT' }).end()
      return
    }
    const verdict = this.signer.verify(method, cloudPath, url.searchParams)
    if (verdict !== 'ok') {
      req.resume()
      return sendXmlError(res, 403, 'AccessDenied', verdict === 'expired' ? 'Request has expired' : 'Signature does not match')
    }
    if (method === 'PUT') return this.upload(req, res, cloudPath)

    const file = diskPathOf(this.root, cloudPath)
    let size: number
    try {
      const stat = fs.statSync(file)
      if (!stat.isFile()) throw new Error('not a file')
      size = stat.size
    } catch {
      return sendXmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'content-length': size })
    if (req.method === 'HEAD') return void res.end()
    try {
      await pipeline(fs.createReadStream(file), res)
    } catch {
      res.destroy() // the client went away mid-download; nothing to report to anyone
    }
  }

  /** Copies the body into `fd`, refusing more than maxUploadBytes. */
  private receive(req: IncomingMessage, fd: number): Promise<void> {
    return new Promise((resolve, reject) => {
      let size = 0
      let failed = false
      const fail = (e: Error): void => {
        failed = true
        reject(e)
      }
      req.on('data', (chunk: Buffer) => {
        if (failed) return
        size += chunk.length
        if (size > this.maxUploadBytes) return fail(new TooLarge())
        try {
          writeAll(fd, chunk)
        } catch (e) {
          fail(e as Error)
        }
      })
      req.on('end', () => failed || resolve())
      req.on('error', (e) => failed || fail(e))
    })
  }

  /** Written to a temp file, fsync'd, then renamed into place: a reader never sees half a file. */
  private async upload(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
    const target = diskPathOf(this.root, cloudPath)
    const tmp = path.join(this.tmpDir, randomBytes(12).toString('hex'))
    if (Number(req.headers['content-length'] ?? 0) > this.maxUploadBytes) {
      req.resume()
      return sendXmlError(res, 413, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')
    }
    const fd = fs.openSync(tmp, 'w')
    let open = true
    try {
      await this.receive(req, fd)
      fs.fsyncSync(fd)
      fs.closeSync(fd)
      open = false
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.renameSync(tmp, target)
      fsyncDir(path.dirname(target))
    } catch (e) {
      if (open) fs.closeSync(fd)
      fs.rmSync(tmp, { force: true })
      if (e instanceof TooLarge) {
        req.resume()
        return sendXmlError(res, 413, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')
      }
      return sendXmlError(res, 409, 'UploadFailed', (e as Error).message)
    }
    res.writeHead(200, { 'content-length': 0 })
    res.end()
  }
}
