/**
 * Photos picked for a form (invoices, 证明材料, 纪实): what the picker gave → photos to upload, with
 * what was left out said in Chinese, and the upload of those not up yet. Pure, for tests; the grid
 * that shows them is PhotoGrid.
 */
import type { PickedFile } from '../../services/cloud'

/** A photo: shown from `preview`, uploaded once (fileId kept, so a retry does not upload it again). */
export interface Photo extends PickedFile {
  readonly key: string
  readonly preview: string
  readonly fileId?: string
}

/** One entry of Taro.chooseImage's tempFiles; on h5 it also carries the File itself. */
export interface TempImage {
  path: string
  size?: number
  type?: string
  originalFileObj?: Blob & { name?: string }
}

/** What a form takes, and how it says what it did not. */
export interface PhotoRules {
  /** Photos in all. */
  readonly max: number
  /** Bytes per photo. */
  readonly maxBytes: number
  /** Only the files it accepts (by name and MIME type, '' when unknown) are taken; `refusal` counts the others. Default: any. */
  readonly only?: { readonly accepts: (name: string, type: string) => boolean; readonly refusal: (count: number) => string }
  /** The name to upload under when the path gives none. Default photo.jpg. */
  readonly fallbackName?: string
  /** What is said of photos left out; the first that applies is said (type, then size, then too many). */
  readonly words?: {
    /** Default `有 N 张照片超过 20 MB，没有加入`. */
    readonly tooLarge?: (count: number) => string
    /** Default `最多 9 张照片`. */
    readonly over?: string
  }
}

let seq = 0
const newKey = () => `p${++seq}`
const baseName = (path: string) => path.split(/[\\/]/).pop()?.split('?')[0] || ''
const megabytes = (bytes: number) => bytes / 1024 / 1024

/**
 * Turns what the picker gave into photos to upload (weapp: the temporary path; h5: the File), keeping
 * what fits the rules and the room left after `already`; `refused` says what was left out, or null.
 */
export function toPhotos(files: readonly TempImage[], already: number, rules: PhotoRules): { photos: Photo[]; refused: string | null } {
  const room = Math.max(0, rules.max - already)
  const nameOf = (f: TempImage) => f.originalFileObj?.name || baseName(f.path) || rules.fallbackName || 'photo.jpg'
  let wrongType = 0
  let tooLarge = 0
  const fitting = files.filter((f) => {
    if (rules.only && !rules.only.accepts(nameOf(f), f.originalFileObj?.type || f.type || '')) {
      wrongType++
      return false
    }
    if ((f.size ?? f.originalFileObj?.size ?? 0) > rules.maxBytes) {
      tooLarge++
      return false
    }
    return true
  })
  const photos = fitting.slice(0, room).map((f): Photo => {
    const blob = f.originalFileObj
    const name = nameOf(f)
    return blob ? { key: newKey(), name, blob, preview: f.path } : { key: newKey(), name, path: f.path, preview: f.path }
  })
  const words = rules.words ?? {}
  const refused =
    wrongType && rules.only
      ? rules.only.refusal(wrongType)
      : tooLarge
        ? (words.tooLarge?.(tooLarge) ?? `有 ${tooLarge} 张照片超过 ${megabytes(rules.maxBytes)} MB，没有加入`)
        : fitting.length > room
          ? (words.over ?? `最多 ${rules.max} 张照片`)
          : null
  return { photos, refused }
}

/** A photo the record already has (uploaded before): kept unless removed, not uploaded again. */
export const uploadedPhoto = (fileId: string, url: string): Photo => ({ key: newKey(), name: fileId, preview: url, fileId })

/** The photos with one of them marked uploaded. */
export const withFileId = <P extends Photo>(photos: readonly P[], key: string, fileId: string): P[] => photos.map((p) => (p.key === key ? { ...p, fileId } : p))

/**
 * Uploads, in order, the photos without a fileId and answers every photo's fileId, in order. A failure
 * throws at that photo; the ones before it were reported `uploaded`, so sending again resumes there.
 */
export async function uploadMissing(
  photos: readonly Photo[],
  upload: (photo: Photo) => Promise<string>,
  on: { uploading?: (done: number, total: number) => void; uploaded?: (key: string, fileId: string) => void } = {},
): Promise<string[]> {
  const ids = new Map(photos.flatMap((p) => (p.fileId ? [[p.key, p.fileId] as const] : [])))
  for (const photo of photos) {
    if (ids.has(photo.key)) continue
    on.uploading?.(ids.size, photos.length)
    const fileId = await upload(photo)
    ids.set(photo.key, fileId)
    on.uploaded?.(photo.key, fileId)
  }
  return photos.map((p) => ids.get(p.key)!)
}
