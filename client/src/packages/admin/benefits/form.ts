/**
 * The 新建福利 form: its state, sensible defaults (choose within a week, redeem for a month), and
 * the checks the server would make — names, face value within the caps (shared faceValueProblem),
 * options and stock, windows that fit together, at least one point — turned into
 * `benefit.createCampaign`'s input.
 */
import type { ActionInput } from '@shared/contract'
import { faceValueProblem, type BenefitKind } from '@shared/domain/benefits'
import { parseYuan } from '@shared/domain/money'
import { formatShanghai } from '@shared/domain/time'

export type CreateCampaignInput = ActionInput<'benefit.createCampaign'>

export const MAX_OPTIONS = 10

export interface OptionDraft {
  readonly key: string
  readonly name: string
  /** As typed: empty means no limit. */
  readonly stock: string
  readonly supplier: string
  readonly povertyRelief: boolean
}

/** A moment as the pickers hold it: date YYYY-MM-DD and time HH:mm, in Shanghai. */
export interface When {
  readonly date: string
  readonly time: string
}

export const TIME_KEYS = ['claimClosesAt', 'redeemFrom', 'redeemUntil'] as const
export type TimeKey = (typeof TIME_KEYS)[number]
export const TIME_LABELS: Readonly<Record<TimeKey, string>> = { claimClosesAt: '选择截止', redeemFrom: '兑换开始', redeemUntil: '兑换截止' }

export interface CampaignForm {
  readonly kind: BenefitKind
  readonly name: string
  /** 元, as typed. */
  readonly faceValue: string
  readonly options: readonly OptionDraft[]
  readonly includeRetired: boolean
  /** Empty: every department. */
  readonly departmentIds: readonly string[]
  readonly times: Readonly<Record<TimeKey, When>>
  readonly pointIds: readonly string[]
  readonly autoBirthday: boolean
}

export type CampaignFormErrors = Partial<Record<'name' | 'faceValue' | 'options' | 'pointIds' | TimeKey, string>> & {
  option?: Readonly<Record<string, string>>
}

let optionSeq = 0
export const newOption = (): OptionDraft => ({ key: `opt${++optionSeq}`, name: '', stock: '', supplier: '', povertyRelief: false })

const addDays = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000)

/** Choose within a week (18:00), redeem from today until a month from now (23:59), Shanghai time. */
export function defaultCampaignForm(now: Date = new Date(), kind: BenefitKind = 'holiday'): CampaignForm {
  return {
    kind,
    name: '',
    faceValue: '',
    options: [newOption()],
    includeRetired: true,
    departmentIds: [],
    times: {
      claimClosesAt: { date: formatShanghai(addDays(now, 7), 'YYYY-MM-DD'), time: '18:00' },
      redeemFrom: { date: formatShanghai(now, 'YYYY-MM-DD'), time: '00:00' },
      redeemUntil: { date: formatShanghai(addDays(now, 30), 'YYYY-MM-DD'), time: '23:59' },
    },
    pointIds: [],
    autoBirthday: false,
  }
}

/** The instant a picker pair means, in Shanghai (fixed +08:00). */
export const instantOf = (w: When): string => `${w.date}T${w.time}:00+08:00`

/** Checks everything the server would; answers the input, or the problems by field. */
export function campaignInputOf(form: CampaignForm): { errors: CampaignFormErrors } | { input: CreateCampaignInput } {
  const errors: CampaignFormErrors = {}
  const option: Record<string, string> = {}

  const name = form.name.trim()
  if (!name) errors.name = '请填写福利名称'
  else if ([...name].length > 40) errors.name = '名称不能超过 40 个字'

  const typed = form.faceValue.trim()
  const faceValue = typed ? parseYuan(typed) : null
  if (!typed) errors.faceValue = '请填写面值（元）'
  else if (faceValue === null) errors.faceValue = '面值请填写金额，如 200 或 199.50'
  else {
    // The yearly holiday total is known only to the server; here the cap for one campaign.
    const problem = faceValueProblem(form.kind, faceValue, 0)
    if (problem) errors.faceValue = problem
  }

  const options = form.options.map((o) => ({ draft: o, name: o.name.trim(), supplier: o.supplier.trim(), stockText: o.stock.trim() }))
  if (options.length === 0) errors.options = '请至少添加一种礼品'
  else if (options.length > MAX_OPTIONS) errors.options = `礼品最多 ${MAX_OPTIONS} 种`
  const seen = new Set<string>()
  const parsed = options.map((o) => {
    let stock: number | null = null
    if (!o.name) option[o.draft.key] = '请填写礼品名称'
    else if ([...o.name].length > 30) option[o.draft.key] = '礼品名称不能超过 30 个字'
    else if (seen.has(o.name)) option[o.draft.key] = '礼品名称不能重复'
    seen.add(o.name)
    if (o.stockText) {
      if (!/^\d+$/.test(o.stockText) || Number(o.stockText) < 1) option[o.draft.key] ??= '库存请填写正整数，不限就留空'
      else if (Number(o.stockText) > 1_000_000) option[o.draft.key] ??= '库存不能超过 1000000'
      else stock = Number(o.stockText)
    }
    if ([...o.supplier].length > 40) option[o.draft.key] ??= '供应商不能超过 40 个字'
    return { name: o.name, stock, supplier: o.supplier, povertyRelief: o.draft.povertyRelief }
  })
  if (parsed.length === 1 && parsed[0].stock !== null && !option[options[0].draft.key]) option[options[0].draft.key] = '只有一种礼品时不需要设库存（人人都有）'
  if (Object.keys(option).length) errors.option = option

  const [claimClosesAt, redeemFrom, redeemUntil] = TIME_KEYS.map((k) => instantOf(form.times[k]))
  if (new Date(redeemUntil).getTime() <= new Date(redeemFrom).getTime()) errors.redeemUntil = '兑换截止时间要晚于兑换开始时间'
  if (new Date(claimClosesAt).getTime() > new Date(redeemUntil).getTime()) errors.claimClosesAt = '选择截止时间不能晚于兑换截止时间'

  if (form.pointIds.length === 0) errors.pointIds = '请至少选择一个兑换点'
  else if (form.pointIds.length > 20) errors.pointIds = '兑换点最多 20 个'

  if (Object.keys(errors).length || faceValue === null) return { errors }
  return {
    input: {
      kind: form.kind,
      name,
      faceValue,
      options: parsed,
      includeRetired: form.includeRetired,
      departmentIds: [...form.departmentIds],
      claimClosesAt,
      redeemFrom,
      redeemUntil,
      pointIds: [...form.pointIds],
      autoBirthday: form.kind === 'cake' && form.autoBirthday,
    },
  }
}

/** Where a server refusal belongs on the form (details.field), if anywhere. */
export function errorKeyOf(field: unknown): keyof CampaignFormErrors | undefined {
  if (typeof field !== 'string') return undefined
  const key = field.split('.')[0]
  return (['name', 'faceValue', 'options', 'pointIds', ...TIME_KEYS] as string[]).includes(key) ? (key as keyof CampaignFormErrors) : undefined
}
