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
  const app = getApp()
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: content })
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })
  const url = fileList[0]?.tempFileURL
  if (!url) throw new Error(`no temp URL for ${fileID}`)
  return { fileId: fileID, url }
}
