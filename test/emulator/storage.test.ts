/** Cloud storage through the real node-sdk: upload, temp URLs (signed, expiring), download, delete. */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf } from './fixtures'

let cb: LocalCloudbaseFixture

beforeAll(async () => {
  cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
})
afterAll(() => cb.close())

const CONTENT = Buffer.from('PNG-ish bytes \u0000\u0001\u0002 工会')

function rawStatus(requestPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: cb.server.port, path: requestPath, agent: false }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      .on('error', reject)
  })
}

async function upload(cloudPath: string, content = CONTENT): Promise<string> {
  const { fileID } = await cb.app.uploadFile({ cloudPath, fileContent: content })
  return fileID
}

async function tempUrl(fileID: string, maxAge = 600): Promise<{ code: string; tempFileURL: string }> {
  const { fileList } = await cb.app.getTempFileURL({ fileList: [{ fileID, maxAge }] })
  return fileList[0]
}

test('upload, then fetch the temp URL and download through the SDK', async () => {
  const fileID = await upload('avatars/张三 1.png')
  expect(fileID).toBe('cloud://local.local-bucket/avatars/张三 1.png')
  expect(fs.readFileSync(path.join(cb.dataDir, 'storage', 'avatars', '张三 1.png'))).toEqual(CONTENT)

  const { code, tempFileURL } = await tempUrl(fileID)
  expect(code).toBe('SUCCESS')
  expect(tempFileURL.startsWith(`${cb.server.url}/storage/avatars/`)).toBe(true)
  const res = await fetch(tempFileURL)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await res.arrayBuffer())).toEqual(CONTENT)

  const { fileContent } = await cb.app.downloadFile({ fileID })
  expect(fileContent).toEqual(CONTENT)

  const info = await cb.app.getFileInfo({ fileList: [fileID] })
  expect(info.fileList[0]).toMatchObject({ code: 'SUCCESS', size: CONTENT.length, mime: 'image/png' })
})

test('uploading the same path again replaces the file', async () => {
  const fileID = await upload('docs/a.txt', Buffer.from('v1'))
  await upload('docs/a.txt', Buffer.from('v2'))
  expect((await cb.app.downloadFile({ fileID })).fileContent).toEqual(Buffer.from('v2'))
})

test('a forged or tampered temp URL is refused with 403', async () => {
  const fileID = await upload('private/secret.txt')
  await upload('private/other.txt')
  const { tempFileURL } = await tempUrl(fileID)
  const url = new URL(tempFileURL)

  const forged = new URL(url)
  forged.searchParams.set('sign', 'f'.repeat(64))
  expect((await fetch(forged)).status).toBe(403)

  const otherPath = new URL(url)
  otherPath.pathname = '/storage/private/other.txt'
  expect((await fetch(otherPath)).status).toBe(403)

  const longer = new URL(url)
  longer.searchParams.set('t', String(Number(url.searchParams.get('t')) + 3600))
  expect((await fetch(longer)).status).toBe(403)

  expect((await fetch(`${cb.server.url}/storage/private/secret.txt`)).status).toBe(403)
})

test('an expired temp URL is refused with 403', async () => {
  const fileID = await upload('short/lived.txt')
  const { tempFileURL } = await tempUrl(fileID, 1)
  const expiry = Number(new URL(tempFileURL).searchParams.get('t')) * 1000
  await new Promise((r) => setTimeout(r, Math.max(0, expiry - Date.now()) + 20))
  expect((await fetch(tempFileURL)).status).toBe(403)
})

test('an upload URL cannot be used to read, and needs its signature', async () => {
  const res = await fetch(`${cb.server.url}/storage/sneaky.txt?sign=${'0'.repeat(64)}&t=9999999999`, { method: 'PUT', body: 'x' })
  expect(res.status).toBe(403)
  expect(fs.existsSync(path.join(cb.dataDir, 'storage', 'sneaky.txt'))).toBe(false)
})

test('delete removes the file; a second delete and later URLs report STORAGE_FILE_NONEXIST', async () => {
  const fileID = await upload('tmp/gone.txt')
  const first = await cb.app.deleteFile({ fileList: [fileID] })
  expect(first.fileList).toEqual([{ fileID, code: 'SUCCESS' }])
  expect(fs.existsSync(path.join(cb.dataDir, 'storage', 'tmp', 'gone.txt'))).toBe(false)
  expect((await cb.app.deleteFile({ fileList: [fileID] })).fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
  expect((await tempUrl(fileID)).code).toBe('STORAGE_FILE_NONEXIST')
})

test('path traversal is refused everywhere', async () => {
  for (const cloudPath of ['../evil.txt', 'a/../../evil.txt', '/abs.txt', 'a//b.txt', 'a\\b.txt']) {
    expect((await errorOf(upload(cloudPath))).code).toBe('INVALID_PARAM')
  }
  expect((await tempUrl('cloud://local.local-bucket/../../etc/passwd')).code).toBe('INVALID_PARAM')
  // Sent verbatim (fetch would normalise the dot segments before they reach the server).
  const query = `?sign=${'0'.repeat(64)}&t=9999999999`
  expect(await rawStatus(`/storage/..%2F..%2Fetc%2Fpasswd${query}`)).toBe(400)
  expect(await rawStatus(`/storage/a%5C..%5C..%5Cx${query}`)).toBe(400)
  // Dot segments (literal or %2e) are resolved by URL parsing first: the path leaves /storage.
  for (const p of ['/storage/../../etc/passwd', '/storage/%2e%2e/%2e%2e/x', '/storage/a/%2E%2E/%2E%2E/x']) {
    expect(await rawStatus(`${p}${query}`)).toBe(404)
  }
  expect(fs.existsSync(path.join(cb.dataDir, 'evil.txt'))).toBe(false)
})
