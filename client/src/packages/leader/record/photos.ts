import { groupActions, MAX_RECORD_PHOTOS, RECORD_HINTS, RecordSchema } from '@shared/contract/group.contract'
import { firstByField, parseInput } from '@shared/contract/validate'
import type { PhotoRules } from '../../../components/photos/photo-model'

export const MAX_PHOTOS = MAX_RECORD_PHOTOS
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024

/** A 纪实's photos for PhotoGrid: nine at most, 20 MB each. */
export const RECORD_PHOTOS: PhotoRules = { max: MAX_PHOTOS, maxBytes: MAX_PHOTO_BYTES }

export interface RecordForm {
  title: string
  date: string
  text: string
}

export type RecordErrors = Partial<Record<keyof RecordForm, string>>

/** `group.addRecord`'s checks (标题, a picked date, 内容's length), said before sending. */
export function checkRecord(form: RecordForm): RecordErrors {
  const typed = { title: form.title.trim(), date: form.date || undefined, text: form.text.trim() }
  const parsed = parseInput(RecordSchema, typed, groupActions['group.addRecord'].labels, RECORD_HINTS)
  return parsed.ok ? {} : firstByField(parsed.problems)
}
