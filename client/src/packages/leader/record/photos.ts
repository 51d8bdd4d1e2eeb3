import type { PickedFile } from '../../../services/cloud'

export const MAX_PHOTOS = 9
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024

/** A photo chosen for a 纪实: shown from `preview`, uploaded once (fileId kept for a retry). */
export interface ChosenPhoto extends PickedFile {
  readonly key: string
  readonly preview: string
  readonly size?: number
  readonly fileId?: string
}

/** One entry of Taro.chooseImage's tempFiles; on h5 it also carries the File itself. */
export interface TempImage {
  path: string
  size?: number
  originalFileObj?: Blob & { name?: string }
}

let seq = 0
const baseName = (path: string) => path.split(/[\\/]/).pop()?.split('?')[0] || 'photo.jpg'

/**
 * Turns what the picker gave into photos to upload: weapp uploads the temporary path, h5 the File.
 * Keeps at most what is left of the nine, and drops photos over the size limit (counted in `tooLarge`).
 */
export function toChosen(files: readonly TempImage[], already: number): { photos: ChosenPhoto[]; tooLarge: number; over: number } {
  const room = Math.max(0, MAX_PHOTOS - already)
  const fitting = files.filter((f) => (f.size ?? f.originalFileObj?.size ?? 0) <= MAX_PHOTO_BYTES)
  const photos = fitting.slice(0, room).map((f): ChosenPhoto => {
    const blob = f.originalFileObj
    const name = blob?.name || baseName(f.path)
    return blob ? { key: `p${++seq}`, name, blob, preview: f.path, size: blob.size } : { key: `p${++seq}`, name, path: f.path, preview: f.path, size: f.size }
  })
  return { photos, tooLarge: files.length - fitting.length, over: Math.max(0, fitting.length - room) }
}

export interface RecordForm {
  title: string
  date: string
  text: string
}

export type RecordErrors = Partial<Record<keyof RecordForm, string>>

/** The same limits as the server (标题 1–30, 内容 ≤ 500, a real date), said before sending. */
export function checkRecord(form: RecordForm): RecordErrors {
  const errors: RecordErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写标题'
  else if (title.length > 30) errors.title = '标题不能超过 30 个字'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = '请选择活动日期'
  if (form.text.trim().length > 500) errors.text = '内容不能超过 500 个字'
  return errors
}
