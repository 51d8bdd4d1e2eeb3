/**
 * Messages to members (消息) and the WeChat one-time subscription templates that carry them.
 * Pure rules shared by the message centre, the sender and the client: which kinds exist, which
 * template each kind goes out on, which templates to ask for at which tap, and what a stored
 * message's link points at.
 */

/** Every kind of notice the functions write. The outbox (cloudfunctions/_lib/notify.ts) uses these names. */
export const MESSAGE_KINDS = [
  'waitlist-promoted',
  'activity-cancelled',
  'activity-reminder',
  'activity-changed',
  'lottery-result',
  'signup-resolved',
  'voucher-issued',
  'voucher-expiring',
  'gift-choice-closing',
  'hardship-update',
  'hardship-new',
  'hardship-review-due',
  'group-decision',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** The chip a member reads beside a message. */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  'waitlist-promoted': '候补递补',
  'activity-cancelled': '活动取消',
  'activity-reminder': '活动提醒',
  'activity-changed': '活动变更',
  'lottery-result': '抽签结果',
  'signup-resolved': '报名结果',
  'voucher-issued': '福利到账',
  'voucher-expiring': '福利到期',
  'gift-choice-closing': '选择截止',
  'hardship-update': '帮扶进展',
  'hardship-new': '帮扶待办',
  'hardship-review-due': '档案复核',
  'group-decision': '小组审批',
}

/**
 * Kinds only a reviewer (帮扶审核) receives. They name a colleague's request, so a member who no
 * longer holds the role does not see them in 消息 any more.
 */
export const REVIEWER_MESSAGE_KINDS: readonly MessageKind[] = ['hardship-new', 'hardship-review-due']

/** Hardship kinds: their WeChat push says only that there is news, never the body (it may show on a lock screen). */
export const HARDSHIP_MESSAGE_KINDS: readonly MessageKind[] = ['hardship-update', 'hardship-new', 'hardship-review-due']

/**
 * The subscription templates a union picks in the mini-program console, one per family of notices.
 * A member's acceptance ("credit") is per template: one accept allows one send of any kind in it.
 */
export const TEMPLATE_KEYS = ['activity-result', 'activity-change', 'activity-reminder', 'benefit', 'hardship', 'review', 'group'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

export const TEMPLATE_LABELS: Readonly<Record<TemplateKey, string>> = {
  'activity-result': '报名结果通知',
  'activity-change': '活动变更通知',
  'activity-reminder': '活动开始提醒',
  benefit: '福利领取提醒',
  hardship: '申请进度通知',
  review: '待办事项提醒',
  group: '入组审核结果通知',
}

/** Which template a kind goes out on. */
export const TEMPLATE_OF_KIND: Readonly<Record<MessageKind, TemplateKey>> = {
  'waitlist-promoted': 'activity-result',
  'lottery-result': 'activity-result',
  'signup-resolved': 'activity-result',
  'activity-changed': 'activity-change',
  'activity-cancelled': 'activity-change',
  'activity-reminder': 'activity-reminder',
  'voucher-issued': 'benefit',
  'voucher-expiring': 'benefit',
  'gift-choice-closing': 'benefit',
  'hardship-update': 'hardship',
  'hardship-new': 'review',
  'hardship-review-due': 'review',
  'group-decision': 'group',
}

/** WeChat lets one `requestSubscribeMessage` call ask for at most this many templates. */
export const MAX_TEMPLATES_PER_REQUEST = 3

/**
 * The taps that naturally come before a notice, and the templates to ask for there (≤ 3 each):
 * signing up, joining a waitlist or a lottery → 递补 / 抽签结果, 活动提醒, 变更或取消; choosing a gift
 * or opening a voucher → 到期与截止提醒; submitting or reporting a hardship request → 办理进度;
 * asking to join a group → 审批结果; a reviewer opening the queue → 新申请与复核提醒.
 */
export const SUBSCRIBE_OCCASIONS = {
  signUp: ['activity-result', 'activity-reminder', 'activity-change'],
  benefit: ['benefit'],
  hardship: ['hardship'],
  groupJoin: ['group'],
  review: ['review'],
} as const satisfies Record<string, readonly TemplateKey[]>
export type SubscribeOccasion = keyof typeof SUBSCRIBE_OCCASIONS

/** One accept allows one send; a member's credits per template stop here whatever the client reports. */
export const MAX_CREDITS_PER_TEMPLATE = 5

/**
 * What a message is about, for the client to open: derived from the stored link (every writer
 * links to the page that shows the thing), or from the kind when the link says too little.
 */
export type MessageTarget =
  | { readonly kind: 'activity'; readonly id: string }
  /** `id` null: the 福利 list (older messages did not name the voucher). */
  | { readonly kind: 'voucher'; readonly id: string | null }
  /** A hardship request as its applicant or reporter sees it (我的帮扶申请). */
  | { readonly kind: 'request'; readonly id: string }
  /** A hardship request in the reviewer's pages. */
  | { readonly kind: 'review'; readonly id: string }
  /** The reviewer's list of hardship files due for review. */
  | { readonly kind: 'review-files' }
  | { readonly kind: 'group'; readonly id: string }

const ID = '([A-Za-z0-9_:-]{1,64})'
const LINKS: readonly [RegExp, (id: string) => MessageTarget][] = [
  [new RegExp(`^/?pages/activity/index\\?id=${ID}$`), (id) => ({ kind: 'activity', id })],
  [new RegExp(`^/?pages/hardship/detail\\?id=${ID}$`), (id) => ({ kind: 'request', id })],
  [new RegExp(`^/?packages/reviewer/request/index\\?id=${ID}$`), (id) => ({ kind: 'review', id })],
  [new RegExp(`^/?pages/group/index\\?id=${ID}$`), (id) => ({ kind: 'group', id })],
  [new RegExp(`^/?pages/benefits/index\\?id=${ID}$`), (id) => ({ kind: 'voucher', id })],
]

/**
 * The target of a stored message. Benefit messages linked to the 福利 list; their natural key
 * (`voucher-issued:<voucher>`) names the voucher, so the client can open it directly.
 */
export function messageTarget(kind: string, link: string, messageId: string): MessageTarget | null {
  for (const [pattern, make] of LINKS) {
    const m = pattern.exec(link)
    if (m) return make(m[1])
  }
  if (/^\/?pages\/benefits\/index$/.test(link) || kind === 'voucher-issued' || kind === 'voucher-expiring' || kind === 'gift-choice-closing') {
    // Voucher ids are natural keys with colons themselves (`<campaign>:<member>`, `cake:<union>:<year>:<member>`).
    const keyed = /^(?:voucher-issued|voucher-expiring|gift-choice-closing):([A-Za-z0-9_:-]{1,128})$/.exec(messageId)
    return { kind: 'voucher', id: keyed ? keyed[1] : null }
  }
  if (/^\/?packages\/reviewer\/files\/index(\?.*)?$/.test(link) || kind === 'hardship-review-due') return { kind: 'review-files' }
  return null
}

/** The mini-program page that shows a target (where a tap in 消息 or on a WeChat notice goes). */
export function targetPage(target: MessageTarget): string {
  switch (target.kind) {
    case 'activity':
      return `/pages/activity/index?id=${target.id}`
    case 'voucher':
      return '/pages/benefits/index'
    case 'request':
      return `/pages/hardship/detail?id=${target.id}`
    case 'review':
      return `/packages/reviewer/request/index?id=${target.id}`
    case 'review-files':
      return '/packages/reviewer/files/index?due=1'
    case 'group':
      return `/pages/group/index?id=${target.id}`
  }
}

/** A short status phrase per kind, for templates with a 状态 keyword (WeChat's phrase: ≤ 5 汉字). */
const KIND_STATUS: Readonly<Record<MessageKind, string>> = {
  'waitlist-promoted': '已递补',
  'activity-cancelled': '活动取消',
  'activity-reminder': '即将开始',
  'activity-changed': '活动变更',
  'lottery-result': '已出结果',
  'signup-resolved': '已处理',
  'voucher-issued': '福利到账',
  'voucher-expiring': '即将到期',
  'gift-choice-closing': '即将截止',
  'hardship-update': '有新进展',
  'hardship-new': '待受理',
  'hardship-review-due': '待复核',
  'group-decision': '已审核',
}

/** The values a template's keywords can be filled from (see README: 订阅消息模板). */
export const PUSH_SLOTS = ['subject', 'status', 'note', 'title', 'time'] as const
export type PushSlot = (typeof PUSH_SLOTS)[number]

/** A hardship notice's subject on WeChat: never the category or a name, which the title may carry. */
const HARDSHIP_SUBJECT: Partial<Record<MessageKind, string>> = {
  'hardship-update': '您的帮扶慰问申请',
  'hardship-new': '新的帮扶慰问申请',
  'hardship-review-due': '困难职工档案复核',
}

const isKind = (kind: string): kind is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(kind)

/**
 * What a WeChat notice says for a stored message. Titles are written `<结果>：<事项>` (「中签：羽毛球赛」,
 * 「福利到账：中秋慰问品」): the subject is the part after the colon, the status the part before it
 * when it fits WeChat's phrase (≤ 5 汉字), else the kind's phrase. Hardship notices carry only
 * that there is news: no amounts, reasons or names leave the app.
 */
export function pushSlots(message: {
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly createdAt: Date
}): Record<PushSlot, string | Date> {
  const colon = message.title.indexOf('：')
  const head = colon > 0 ? message.title.slice(0, colon) : ''
  const subject = colon > 0 ? message.title.slice(colon + 1) : message.title
  const kindStatus = isKind(message.kind) ? KIND_STATUS[message.kind] : '新消息'
  const status = /^[\u4e00-\u9fa5]{1,5}$/.test(head) ? head : kindStatus
  const hardship = isKind(message.kind) && HARDSHIP_MESSAGE_KINDS.includes(message.kind)
  if (hardship) {
    const safe = HARDSHIP_SUBJECT[message.kind as MessageKind] ?? '帮扶慰问'
    return { subject: safe, status: kindStatus, note: '详情请在小程序「消息」中查看', title: safe, time: message.createdAt }
  }
  return {
    subject: subject || message.title,
    status,
    note: message.body || '详情请在小程序「消息」中查看',
    title: message.title,
    time: message.createdAt,
  }
}
