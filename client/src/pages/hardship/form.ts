/**
 * The 申请帮扶 / 慰问 form: what the member typed → what `hardship.submit` / `hardship.resubmit` take,
 * checked with the same rules and words as the server. Pure, for tests.
 */
import type { AidCategoryView, ColleagueView, HardshipRequestDetail } from '@shared/contract'
import { askedAmountRefusal, hasPhotoExtension, MAX_PHOTO_BYTES, MAX_REQUEST_PHOTOS } from '@shared/domain/hardship'
import { formatYuan, parseYuan } from '@shared/domain/money'
import type { PickedFile } from '../../services/cloud'

export interface AskForm {
  /** Filing for a colleague (leaders, committee members, reviewers only). */
  forColleague: boolean
  colleague: ColleagueView | null
  category: string
  description: string
  /** 元, as typed; empty means "by the standard". */
  amount: string
  contact: string
}

export type AskErrors = Partial<Record<'colleague' | 'category' | 'description' | 'amount' | 'contact' | 'photos', string>>

export interface AskFields {
  forMemberId?: string
  category: string
  description: string
  amountFen: number | null
  contact: string
}

export const emptyAsk = (): AskForm => ({ forColleague: false, colleague: null, category: '', description: '', amount: '', contact: '' })

/** A returned request opens the form with what it had, for editing. */
export const askFromRequest = (r: HardshipRequestDetail): AskForm => ({
  forColleague: false,
  colleague: null,
  category: r.category,
  description: r.description,
  amount: r.amountAskedFen === null ? '' : formatYuan(r.amountAskedFen),
  contact: r.contact,
})

export const DESCRIPTION_MAX = 1000
export const CONTACT_MAX = 60

/** The fields to send, or a message per field (nothing is sent then). */
export function checkAsk(form: AskForm, categories: readonly AidCategoryView[]): { fields: AskFields } | { errors: AskErrors } {
  const errors: AskErrors = {}
  if (form.forColleague && !form.colleague) errors.colleague = '请选择为哪位同事申报'
  const category = categories.find((c) => c.key === form.category)
  if (!category) errors.category = '请选择申请类别'
  const description = form.description.trim()
  if (!description) errors.description = '请说明情况，例如何时、因何住院'
  else if (description.length > DESCRIPTION_MAX) errors.description = `情况说明不能超过 ${DESCRIPTION_MAX} 个字`
  let amountFen: number | null = null
  const amountText = form.amount.trim()
  if (amountText) {
    const parsed = parseYuan(amountText)
    if (parsed === null) errors.amount = '金额请填写数字，最多两位小数，如 800 或 800.50'
    else if (parsed <= 0) errors.amount = '金额要大于 0；不确定可以不填，按标准核定'
    else {
      amountFen = parsed
      const over = category ? askedAmountRefusal(category, parsed) : null
      if (over) errors.amount = over
    }
  }
  const contact = form.contact.trim()
  if (!contact) errors.contact = '请留下联系方式，方便工会联系您'
  else if (contact.length > CONTACT_MAX) errors.contact = `联系方式不能超过 ${CONTACT_MAX} 个字`
  if (Object.keys(errors).length) return { errors }
  return {
    fields: {
      ...(form.forColleague && form.colleague ? { forMemberId: form.colleague.id } : {}),
      category: category!.key,
      description,
      amountFen,
      contact,
    },
  }
}

// —— photos ——

/** A photo for the request: shown from `preview`, uploaded once (fileId kept for a retry); or one it already has. */
export interface RequestPhoto extends PickedFile {
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

let seq = 0
const baseName = (path: string) => path.split(/[\\/]/).pop()?.split('?')[0] || 'photo.jpg'

/**
 * Turns what the picker gave into photos to upload, keeping what fits: images only (JPG, PNG, WEBP),
 * at most 5 MB each, six in all — the server refuses anything else, so it is said here first.
 */
export function pickPhotos(files: readonly TempImage[], already: number): { photos: RequestPhoto[]; refused: string | null } {
  const room = Math.max(0, MAX_REQUEST_PHOTOS - already)
  let wrongType = 0
  let tooLarge = 0
  const fitting = files.filter((f) => {
    const blob = f.originalFileObj
    const name = blob?.name || baseName(f.path)
    const type = blob?.type || f.type || ''
    if (!hasPhotoExtension(name) || (type && !/^image\/(jpeg|png|webp)$/.test(type))) {
      wrongType++
      return false
    }
    if ((f.size ?? blob?.size ?? 0) > MAX_PHOTO_BYTES) {
      tooLarge++
      return false
    }
    return true
  })
  const photos = fitting.slice(0, room).map((f): RequestPhoto => {
    const blob = f.originalFileObj
    const name = blob?.name || baseName(f.path)
    return blob ? { key: `p${++seq}`, name, blob, preview: f.path } : { key: `p${++seq}`, name, path: f.path, preview: f.path }
  })
  const refused = wrongType
    ? `只能上传 JPG、PNG 或 WEBP 格式的照片，有 ${wrongType} 个文件没有加入`
    : tooLarge
      ? `每张照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，有 ${tooLarge} 张没有加入`
      : fitting.length > room
        ? `最多 ${MAX_REQUEST_PHOTOS} 张照片`
        : null
  return { photos, refused }
}

/** Photos a returned request already has: kept unless removed, not uploaded again. */
export const photosOf = (r: HardshipRequestDetail): RequestPhoto[] => r.photos.map((p) => ({ key: `p${++seq}`, name: p.fileId, preview: p.url, fileId: p.fileId }))
