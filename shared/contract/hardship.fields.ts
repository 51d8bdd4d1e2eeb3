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
 * What the 申请 form says beside a field: a picker's 「请选择」, and what to write (the answer to a
 * request says only which field is empty: 请填写情况说明).
 */
export const REQUEST_HINTS = {
  category: { missing: '请选择申请类别' },
  description: { missing: '请说明情况，例如何时、因何住院' },
  contact: { missing: '请留下联系方式，方便工会联系您' },
} as const satisfies Hints

/** The hardship actions' field names, for their messages (here, so the main-package form reads them without zod). */
export const HARDSHIP_LABELS: Readonly<Record<string, string>> = {
  id: '申请',
  key: '提交编号',
  forMemberId: '申请对象',
  category: '申请类别',
  description: '情况说明',
  amountFen: '金额（分）',
  photoFileIds: '证明材料照片',
  contact: '联系方式',
  reason: '原因',
  note: '备注',
  caseLabel: '事项名称',
  method: '发放方式',
  paidOn: '发放日期',
  tab: '分类',
  year: '年份',
  version: '版本',
  categories: '申请类别',
  name: '类别名称',
  kind: '类型',
  capFen: '标准（分）',
  frequency: '次数规定',
  times: '次数',
  period: '计次周期',
  per: '计次方式',
  enabled: '是否受理',
  memberId: '会员',
  level: '困难程度',
  since: '建档日期',
  nextReviewOn: '下次复核日期',
  active: '是否在档',
  dueOnly: '只看到期',
  date: '走访日期',
  visitors: '走访人',
  given: '慰问内容',
  keyword: '搜索词',
}
