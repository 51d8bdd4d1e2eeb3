import type { PickedFile } from '../../../services/cloud'

/** A cover is one picture; WeChat compresses what it picks, so this is a generous limit. */
export const MAX_COVER_BYTES = 10 * 1024 * 1024

/** One entry of Taro.chooseImage's tempFiles; on h5 it also carries the File itself. */
export interface TempImage {
  path: string
  size?: number
  originalFileObj?: Blob & { name?: string }
}

export type PickedCover = PickedFile & { readonly preview: string }

const baseName = (path: string) => path.split(/[\\/]/).pop()?.split('?')[0] || 'cover.jpg'

/** The picked picture as a file to upload (weapp: its temporary path; h5: the File), or why not. */
export function coverOf(file: TempImage | undefined): { cover: PickedCover } | { problem: string } {
  if (!file) return { problem: '没有读到这张图片，请重新选择' }
  const size = file.size ?? file.originalFileObj?.size ?? 0
  if (size > MAX_COVER_BYTES) return { problem: '图片超过 10 MB，请换一张小一些的' }
  const blob = file.originalFileObj
  const name = blob?.name || baseName(file.path)
  return { cover: blob ? { name, blob, preview: file.path } : { name, path: file.path, preview: file.path } }
}
