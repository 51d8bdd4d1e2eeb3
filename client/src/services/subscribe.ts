/**
 * WeChat one-time subscription messages (订阅消息), asked for at the taps that come before a notice:
 * signing up (递补 / 抽签结果 / 活动提醒 / 变更), choosing a gift (到期与截止提醒), submitting a hardship
 * request (办理进度), asking to join a group (审批结果). One accept allows one WeChat notice; the
 * server keeps the credits (message.subscribe). Every notice is in 消息 whatever the member answers,
 * so nothing here may stop or fail the action it rides on: it never throws.
 */
import Taro from '@tarojs/taro'
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_OCCASIONS, type SubscribeOccasion, type TemplateKey } from '@shared/domain/messages'
import { callAction } from './cloud'

type Templates = Readonly<Partial<Record<TemplateKey, string>>>

/** Fetched once per session: the union's template ids (message.templates), or null while unknown. */
let templates: Templates | null = null
let loading: Promise<void> | null = null

/**
 * Loads the template ids ahead of the tap. WeChat only shows its dialog when asked straight from a
 * tap, so the ids must be at hand before it (a page with such a tap calls this when it opens; only
 * the first call in a session reaches the server, and none in h5, where WeChat push does not exist).
 */
export function prepareSubscribe(): void {
  if (process.env.TARO_ENV !== 'weapp' || templates || loading) return
  loading = callAction('message.templates', {}, { silent: true }).then(
    (res) => {
      templates = res.templates
    },
    () => {
      // Try again at the next page that asks; the action goes on without the dialog meanwhile.
      loading = null
    },
  )
}

/** How long an action waits for the member to answer WeChat's dialog before going on regardless. */
export const ANSWER_WAIT_MS = 15_000

let explained = false
/** After the action's own toast (1.5–2.5 s), so the two do not cover each other. */
const EXPLAIN_AFTER_MS = 2_600
export const LOCAL_EXPLANATION = '微信提醒只在微信小程序里推送，所有通知都可以在「我的 → 消息」里查看'

/**
 * Asks WeChat for the templates of this tap (at most the platform's three) and reports the accepted
 * ones. Call it first thing in the tap handler, before any await. Resolves with the accepted
 * template keys — empty when declined, not configured, outside WeChat, failed or unanswered within
 * ANSWER_WAIT_MS — and never rejects, so the action can always go on.
 */
export function askToSubscribe(occasion: SubscribeOccasion): Promise<readonly TemplateKey[]> {
  if (process.env.TARO_ENV !== 'weapp') {
    // The local demo: say once, without stopping anything, where notices go instead.
    if (process.env.TARO_ENV === 'h5' && LOCAL_MODE && !explained) {
      explained = true
      setTimeout(() => void Taro.showToast({ title: LOCAL_EXPLANATION, icon: 'none', duration: 3500 }), EXPLAIN_AFTER_MS)
    }
    return Promise.resolve([])
  }
  const known = templates
  if (!known) {
    prepareSubscribe()
    return Promise.resolve([])
  }
  const keys = SUBSCRIBE_OCCASIONS[occasion].filter((k) => known[k]).slice(0, MAX_TEMPLATES_PER_REQUEST)
  if (!keys.length) return Promise.resolve([])
  const ids = keys.map((k) => known[k]!)
  let asked: Promise<unknown>
  try {
    // Called right here, in the tap's own turn: WeChat refuses the dialog once a tap has been awaited past.
    asked = Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)
  } catch {
    return Promise.resolve([])
  }
  const answered = Promise.resolve(asked)
    .then((res) => {
      const result = res as unknown as Record<string, string>
      const accepted = keys.filter((k) => result[known[k]!] === 'accept')
      // Reported in the background: the credits matter for later notices, not for this tap.
      if (accepted.length) void callAction('message.subscribe', { accepted }, { silent: true }).catch(() => undefined)
      return accepted
    })
    .catch((): readonly TemplateKey[] => [])
  const unanswered = new Promise<readonly TemplateKey[]>((resolve) => setTimeout(() => resolve([]), ANSWER_WAIT_MS))
  return Promise.race([answered, unanswered])
}

/** For tests: forget the session's templates and explanation. */
export function resetSubscribeForTests(): void {
  templates = null
  loading = null
  explained = false
}

/**
 * activity.signUp's `remind` (the day-before reminder, in 消息 and on WeChat): asked for when the
 * member accepted that template; left out otherwise, as before.
 */
export const remindIf = (accepted: readonly TemplateKey[]): { remind?: true } => (accepted.includes('activity-reminder') ? { remind: true } : {})
