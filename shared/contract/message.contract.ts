import * as z from 'zod/mini'
import { defineAction } from './define'
import { MAX_TEMPLATES_PER_REQUEST, TEMPLATE_KEYS, type MessageKind, type MessageTarget, type TemplateKey } from '../domain/messages'

export {
  MESSAGE_KINDS,
  MESSAGE_KIND_LABELS,
  MAX_TEMPLATES_PER_REQUEST,
  SUBSCRIBE_OCCASIONS,
  TEMPLATE_KEYS,
  TEMPLATE_LABELS,
  type MessageKind,
  type MessageTarget,
  type SubscribeOccasion,
  type TemplateKey,
} from '../domain/messages'

const ANY_MEMBER = { kind: 'member' } as const

const id = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_:-]+$/))
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(50)), 20)
/** Where the next page starts: the `next` of the page before, as it came. */
const cursor = z.string().check(z.minLength(1), z.maxLength(200))

/** One message in 消息. */
export interface MessageView {
  readonly id: string
  /** 'other' only for a kind newer than this contract. */
  readonly kind: MessageKind | 'other'
  /** The chip beside it (「候补递补」「福利到期」…). */
  readonly kindLabel: string
  readonly title: string
  readonly body: string
  /** When it was written, in the house style (shared/domain/time.ts): `3月1日 周日 15:01`. */
  readonly at: string
  readonly read: boolean
  /** What a tap opens; null when the message is about nothing that has a page. */
  readonly target: MessageTarget | null
  /** The mini-program page for the target (for `Taro.navigateTo`); null with no target. */
  readonly page: string | null
  /**
   * Whether the target is still there (an activity, voucher, request or group can be removed):
   * false → the client says 「该内容已不存在」 instead of opening it. Null when not checked
   * (the 福利 list and the reviewer's file list always exist).
   */
  readonly targetExists: boolean | null
}

export interface MessagePage {
  /** Newest first. */
  readonly items: readonly MessageView[]
  /** Pass as `cursor` for the next page; null after the last one. */
  readonly next: string | null
  /** The caller's unread messages in all (for the badge). */
  readonly unread: number
}

export const messageActions = {
  /** 消息: the caller's own messages, newest first, a page at a time. */
  'message.list': defineAction<MessagePage>()(z.strictObject({ cursor: z.optional(cursor), pageSize }), ANY_MEMBER, {
    cursor: '翻页位置',
    pageSize: '每页条数',
  }),
  /**
   * Marks one of the caller's messages read and returns it (the tap in 消息). Another member's
   * message, or one that does not exist, answers NOT_FOUND 「没有找到这条消息」 alike.
   */
  'message.read': defineAction<{ readonly message: MessageView; readonly unread: number }>()(z.strictObject({ id }), ANY_MEMBER, { id: '消息' }),
  /** Marks all the caller's messages read. */
  'message.readAll': defineAction<{ readonly marked: number; readonly unread: number }>()(z.strictObject({}), ANY_MEMBER),
  /**
   * The union's subscription templates, for `Taro.requestSubscribeMessage({ tmplIds })`: only the
   * configured ones appear (none in local h5, where WeChat push does not exist).
   */
  'message.templates': defineAction<{
    readonly templates: Readonly<Partial<Record<TemplateKey, string>>>
    readonly maxPerRequest: number
  }>()(z.strictObject({}), ANY_MEMBER),
  /**
   * What the member accepted in `requestSubscribeMessage` (the template keys whose result was
   * 'accept'). Each accept allows one WeChat notice on that template; credits are capped per
   * template. A key the union has not configured is refused and nothing is written.
   */
  'message.subscribe': defineAction<{ readonly credits: Readonly<Partial<Record<TemplateKey, number>>> }>()(
    z.strictObject({
      accepted: z.array(z.enum(TEMPLATE_KEYS)).check(
        z.minLength(1),
        z.maxLength(MAX_TEMPLATES_PER_REQUEST),
        z.refine((keys) => new Set(keys).size === keys.length, { params: { wording: '不能重复' } }),
      ),
    }),
    ANY_MEMBER,
    { accepted: '订阅的消息' },
  ),
}
