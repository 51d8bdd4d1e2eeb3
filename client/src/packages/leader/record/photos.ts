import type { PhotoRules } from '../../../components/photos/photo-model'

export const MAX_PHOTOS = 9
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024

/** A 纪实's photos for PhotoGrid: nine at most, 20 MB each. */
export const RECORD_PHOTOS: PhotoRules = { max: MAX_PHOTOS, maxBytes: MAX_PHOTO_BYTES }

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
