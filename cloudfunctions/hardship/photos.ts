import { hasPhotoExtension, isImageHeader, MAX_PHOTO_BYTES } from '@shared/domain/hardship'
import { invalid } from '../_lib/app-error'
import { readFileHead, temporaryLinks } from '../_lib/files'
import type { CallerMember } from '../_lib/membership'
import { uploadFolderOf } from '../_lib/uploads'
import { PHOTO_LINK_SECONDS } from './requests.repo'

const field = { field: 'photoFileIds' }

/**
 * Photos attached to a request: new ones must be the caller's own uploads, named and made as JPEG,
 * PNG or WEBP, at most 5 MB; photos the request already had are kept as they are. Reads only the
 * first bytes of each file. Answers the short-lived links it made, so the reply can reuse them.
 */
export async function checkPhotos(me: CallerMember, fileIds: readonly string[], already: readonly string[] = []): Promise<Map<string, string>> {
  if (new Set(fileIds).size !== fileIds.length) throw invalid('同一张照片只需上传一次', field)
  const fresh = fileIds.filter((f) => !already.includes(f))
  if (fresh.some((f) => !f.includes(`/${uploadFolderOf(me.openid)}/`))) throw invalid('照片需要由您本人上传', field)
  if (fresh.some((f) => !hasPhotoExtension(f))) throw invalid('只能上传 JPG、PNG 或 WEBP 格式的照片', field)
  if (!fresh.length) return new Map()
  const links = await temporaryLinks(fresh, PHOTO_LINK_SECONDS)
  const heads = await Promise.all(fresh.map((f) => (links.has(f) ? readFileHead(links.get(f)!, MAX_PHOTO_BYTES) : Promise.resolve(null))))
  for (const head of heads) {
    if (!head) throw invalid('有照片没有找到，请重新上传', field)
    if (head.size === null || head.size > MAX_PHOTO_BYTES) throw invalid(`每张照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后重新上传`, field)
    if (head.size === 0 || !isImageHeader(head.head)) throw invalid('只能上传 JPG、PNG 或 WEBP 格式的照片', field)
  }
  return links
}
