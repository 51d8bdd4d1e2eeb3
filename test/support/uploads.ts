import type { AppServer } from './app-server'

/** The first bytes of a real JPEG (SOI + JFIF APP0), padded: enough for the server's type check. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 7)])
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)])

/** Uploads into the caller's own folder through the local stand-in for wx.cloud.uploadFile. */
export async function upload(app: AppServer, openid: string, name: string, content: Buffer | string): Promise<string> {
  const res = await fetch(`${app.url}/local/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'x-local-openid': openid },
    body: typeof content === 'string' ? content : new Uint8Array(content),
  })
  const body = (await res.json()) as { fileId?: string }
  if (!body.fileId) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.fileId
}

/** An invoice photo in the caller's own folder, as 报销 uploads one. */
export const uploadInvoice = (app: AppServer, openid: string): Promise<string> =>
  upload(app, openid, 'invoice.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 7, 7]))
