/**
 * The 申请帮扶 / 慰问 form: what the member typed → what `hardship.submit` / `hardship.resubmit` take,
 * checked by the rules their schemas are built from (shared, zod-free: this page is in the main
 * package). Pure, for tests.
 */
import type { AidCategoryView, ColleagueView, HardshipRequestDetail } from '@shared/contract'
import { textProblem, wholeProblem } from '@shared/contract/fields'
import { REQUEST_FIELDS, REQUEST_HINTS, REQUEST_LABELS } from '@shared/contract/hardship.fields'
import { askedAmountRefusal, hasPhotoExtension, MAX_PHOTO_BYTES, MAX_REQUEST_PHOTOS } from '@shared/domain/hardship'
import { formatYuan, parseYuan } from '@shared/domain/money'
import { uploadedPhoto, type Photo, type PhotoRules } from '../../components/photos/photo-model'

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

export const DESCRIPTION_MAX = REQUEST_FIELDS.description.max
export const CONTACT_MAX = REQUEST_FIELDS.contact.max

/** The fields to send, or a message per field (nothing is sent then). */
export function checkAsk(form: AskForm, categories: readonly AidCategoryView[]): { fields: AskFields } | { errors: AskErrors } {
  const errors: AskErrors = {}
  if (form.forColleague && !form.colleague) errors.colleague = '请选择为哪位同事申报'
  const category = categories.find((c) => c.key === form.category)
  if (!category) errors.category = REQUEST_HINTS.category.missing
  const typed = { description: form.description.trim(), contact: form.contact.trim() }
  for (const key of ['description', 'contact'] as const) {
    const problem = textProblem(REQUEST_FIELDS[key], typed[key], REQUEST_LABELS[key], REQUEST_HINTS[key])
    if (problem) errors[key] = problem
  }
  const amountText = form.amount.trim()
  const amountFen = amountText ? parseYuan(amountText) : null
  if (amountText) {
    const problem =
      amountFen === null
        ? '金额请填写数字，最多两位小数，如 800 或 800.50'
        : (wholeProblem(REQUEST_FIELDS.amountFen, amountFen, REQUEST_LABELS.amountFen) ?? (category ? askedAmountRefusal(category, amountFen) : null))
    if (problem) errors.amount = problem
  }
  if (Object.keys(errors).length) return { errors }
  return {
    fields: {
      ...(form.forColleague && form.colleague ? { forMemberId: form.colleague.id } : {}),
      category: category!.key,
      description: typed.description,
      amountFen,
      contact: typed.contact,
    },
  }
}

// —— photos ——

/**
 * The request's photos for PhotoGrid: images only (JPG, PNG, WEBP), at most 5 MB each, six in all —
 * the server refuses anything else, so it is said here first.
 */
export const REQUEST_PHOTOS: PhotoRules = {
  max: MAX_REQUEST_PHOTOS,
  maxBytes: MAX_PHOTO_BYTES,
  only: {
    accepts: (name, type) => hasPhotoExtension(name) && (!type || /^image\/(jpeg|png|webp)$/.test(type)),
    refusal: (count) => `只能上传 JPG、PNG 或 WEBP 格式的照片，有 ${count} 个文件没有加入`,
  },
  words: { tooLarge: (count) => `每张照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，有 ${count} 张没有加入` },
}

/** Photos a returned request already has: kept unless removed, not uploaded again. */
export const photosOf = (r: Pick<HardshipRequestDetail, 'photos'>): Photo[] => r.photos.map((p) => uploadedPhoto(p.fileId, p.url))
