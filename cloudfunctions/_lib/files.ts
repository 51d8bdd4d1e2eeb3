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
