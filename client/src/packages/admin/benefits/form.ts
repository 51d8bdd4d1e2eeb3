/**
 * The 新建福利 form: its state, sensible defaults (choose within a week, redeem for a month), and
 * the checks the server makes — `benefit.createCampaign`'s schema (names, options and stock,
 * windows that fit together, the points) and the face value within the caps (shared
 * faceValueProblem) — turned into its input.
 */
import type { ActionInput } from '@shared/contract'
import { benefitActions, CreateCampaignSchema, MAX_OPTIONS } from '@shared/contract/benefit.contract'
import { typedWhole } from '@shared/contract/fields'
import { parseInput } from '@shared/contract/validate'
import { faceValueProblem, type BenefitKind } from '@shared/domain/benefits'
import { parseYuan } from '@shared/domain/money'
import { formatShanghai } from '@shared/domain/time'

export type CreateCampaignInput = ActionInput<'benefit.createCampaign'>

export { MAX_OPTIONS }

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

/** Checks everything the server would but the holiday total; answers the input, or the problems by field. */
export function campaignInputOf(form: CampaignForm): { errors: CampaignFormErrors } | { input: CreateCampaignInput } {
  const errors: CampaignFormErrors = {}
  const option: Record<string, string> = {}

  const typed = form.faceValue.trim()
  const faceValue = typed ? parseYuan(typed) : null
  if (!typed) errors.faceValue = '请填写面值（元）'
  else if (faceValue === null) errors.faceValue = '面值请填写金额，如 200 或 199.50'
  else {
    // The yearly holiday total is known only to the server; here the cap for one campaign.
    const problem = faceValueProblem(form.kind, faceValue, 0)
    if (problem) errors.faceValue = problem
  }

  const [claimClosesAt, redeemFrom, redeemUntil] = TIME_KEYS.map((k) => instantOf(form.times[k]))
  const input: CreateCampaignInput = {
    kind: form.kind,
    name: form.name.trim(),
    faceValue: faceValue ?? 0,
    options: form.options.map((o) => {
      const stock = o.stock.trim()
      return { name: o.name.trim(), stock: stock ? typedWhole(stock) : null, supplier: o.supplier.trim(), povertyRelief: o.povertyRelief }
    }),
    includeRetired: form.includeRetired,
    departmentIds: [...form.departmentIds],
    claimClosesAt,
    redeemFrom,
    redeemUntil,
    pointIds: [...form.pointIds],
    autoBirthday: form.kind === 'cake' && form.autoBirthday,
  }
  const parsed = parseInput(CreateCampaignSchema, input, benefitActions['benefit.createCampaign'].labels)
  for (const p of parsed.ok ? [] : parsed.problems) {
    // A gift's problem (options.<i>.…) shows under that gift; the rest under their field.
    const [field, index] = p.field.split('.')
    const draft = field === 'options' && index !== undefined ? form.options[Number(index)] : undefined
    if (draft) option[draft.key] ??= p.message
    else {
      const key = errorKeyOf(field)
      if (key && key !== 'option') errors[key] ??= p.message
    }
  }
  if (Object.keys(option).length) errors.option = option

  return Object.keys(errors).length ? { errors } : { input }
}

/** Where a server refusal belongs on the form (details.field), if anywhere. */
export function errorKeyOf(field: unknown): keyof CampaignFormErrors | undefined {
  if (typeof field !== 'string') return undefined
  const key = field.split('.')[0]
  return (['name', 'faceValue', 'options', 'pointIds', ...TIME_KEYS] as string[]).includes(key) ? (key as keyof CampaignFormErrors) : undefined
}
