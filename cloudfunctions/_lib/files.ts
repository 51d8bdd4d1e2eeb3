import { getApp } from './db'
import { AppError } from './app-error'

/** Files in cloud storage: the only place functions read or write them. */

/** Reads a whole file; refuses anything over `maxBytes` with a message the admin can act on. */
export async function downloadFile(fileId: string, maxBytes: number): Promise<Buffer> {
  let content: Buffer | string | undefined
  try {
    content = (await getApp().downloadFile({ fileID: fileId })).fileContent
  } catch {
    throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传')
  }
  const buffer = typeof content === 'string' ? Buffer.from(content) : content
  if (!buffer || buffer.length === 0) throw new AppError('INVALID_ARGUMENT', '文件是空的', { field: 'fileId' })
  if (buffer.length > maxBytes) throw new AppError('INVALID_ARGUMENT', `文件太大了，不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, { field: 'fileId' })
  return buffer
}

/** Stores a generated file (an export) and returns a link that works for `maxAgeSeconds`. */
export async function uploadAndLink(cloudPath: string, content: Buffer, maxAgeSeconds = 600): Promise<{ fileId: string; url: string }> {
  const { fileID } = await getApp().uploadFile({ cloudPath, fileContent: content })
  const url = (await temporaryLinks([fileID], maxAgeSeconds)).get(fileID)
  if (!url) throw new Error(`no temp URL for ${fileID}`)
  return { fileId: fileID, url }
}

/** Short-lived links for stored files (photos), in one storage request. */
export async function temporaryLinks(fileIds: readonly string[], maxAgeSeconds = 600): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map()
  const { fileList } = await getApp().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })
  return new Map(fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
}

/** Size and first bytes of a stored file, read through a temporary link without downloading it all. */
export interface FileHead {
  /** Bytes in the whole file, or null when the storage did not say and more than `limit` bytes came. */
  readonly size: number | null
  readonly head: Uint8Array
}

/**
 * Asks for the first bytes only (Range: COS answers 206 with the total in Content-Range); a storage
 * that ignores Range answers 200 with Content-Length, and the body is dropped after the first chunk.
 * When neither header tells the size, bytes are counted up to `limit` + 1.
 */
export async function readFileHead(url: string, limit: number, headBytes = 32): Promise<FileHead | null> {
  const abort = new AbortController()
  let res: Response
  try {
    res = await fetch(url, { headers: { range: `bytes=0-${headBytes - 1}` }, signal: abort.signal })
  } catch {
    return null
  }
  if (res.status !== 200 && res.status !== 206) {
    abort.abort()
    return null
  }
  const total = res.status === 206 ? /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '')?.[1] : res.headers.get('content-length')
  let size: number | null = total && /^\d+$/.test(total) ? Number(total) : null
  const chunks: Uint8Array[] = []
  let read = 0
  const reader = res.body?.getReader()
  try {
    while (reader) {
      const { done, value } = await reader.read()
      if (done) {
        if (size === null) size = read
        break
      }
      chunks.push(value)
      read += value.length
      // Enough once the header is in and either the size is known or the limit is passed.
      if (read >= headBytes && (size !== null || read > limit)) break
    }
  } catch {
    return null
  } finally {
    abort.abort()
  }
  const all = new Uint8Array(read)
  let offset = 0
  for (const c of chunks) {
    all.set(c, offset)
    offset += c.length
  }
  return { size, head: all.slice(0, headBytes) }
}
