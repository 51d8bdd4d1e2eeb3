/**
 * The hardship request's fields (hardship.submit / resubmit) as plain data: limits, words and the
 * domain's labels. hardship.contract.ts builds the schemas from them; the 申请帮扶 page (main
 * package, no zod) checks with fields.ts.
 */
import { MAX_CAP_FEN } from '../domain/hardship'
import { formatMoney } from '../domain/money'
import type { TextRule, WholeRule } from './fields'
import type { Hints } from './wording'

export const REQUEST_FIELDS = {
  description: { min: 1, max: 1000 },
  contact: { min: 1, max: 60 },
  /** 分; optional on the form (the union's standard then decides). */
  amountFen: {
    min: 1,
    max: MAX_CAP_FEN,
    words: { below: '金额要大于 0；不确定可以不填，按标准核定', above: `金额不能超过 ${formatMoney(MAX_CAP_FEN)} 元` },
  },
} as const satisfies Readonly<Record<string, TextRule | WholeRule>>

/**
 * A note beside a step: 补充说明 on resubmit, a withdrawal's reason, 审核意见 on approval, 发放备注,
 * a visit's 情况记录.
 */
export const NOTE_MAX = 200

/** A search among the colleagues one may report for (为同事申请, 困难档案): a name or 会员编号. */
export const COLLEAGUE_KEYWORD_MAX = 20

/**
 * What the 申请 form says beside a field: a picker's 「请选择」, and what to write (the answer to a
 * request says only which field is empty: 请填写情况说明).
 */
export const REQUEST_HINTS = {
  category: { missing: '请选择申请类别' },
  description: { missing: '请说明情况，例如何时、因何住院' },
  contact: { missing: '请留下联系方式，方便工会联系您' },
} as const satisfies Hints

/** The request's field names, among the hardship actions' labels (hardship.contract.ts). */
export const REQUEST_LABELS = {
  category: '申请类别',
  description: '情况说明',
  amountFen: '金额（分）',
  photoFileIds: '证明材料照片',
  contact: '联系方式',
} as const
