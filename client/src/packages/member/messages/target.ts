/**
 * Where a tap on a message goes, and what it says when the thing it is about is gone. Pure, so the
 * wording is tested without a page.
 */
import type { MessageTarget, MessageView } from '@shared/contract'
import { ROUTES, withId } from '../../../constants/routes'

export type Opening =
  /** A page to push onto the stack. */
  | { readonly kind: 'navigate'; readonly url: string }
  /** A tab page (福利): tab pages are switched to, never pushed. */
  | { readonly kind: 'tab'; readonly url: string }
  /** The thing was removed: say so instead of opening an empty page. */
  | { readonly kind: 'gone'; readonly text: string }
  /** The message is all there is (nothing to open). */
  | { readonly kind: 'none' }

/** 「这个活动已被删除」 and the like, per kind of target. */
export const GONE_TEXT: Readonly<Record<MessageTarget['kind'], string>> = {
  activity: '这个活动已被删除',
  voucher: '这张福利券已不存在',
  request: '这条申请已不存在',
  review: '这条申请已不存在',
  'review-files': '困难职工档案已不存在',
  group: '这个小组已解散',
}

export function openingOf(m: Pick<MessageView, 'target' | 'targetExists'>): Opening {
  const t = m.target
  if (!t) return { kind: 'none' }
  if (m.targetExists === false) return { kind: 'gone', text: GONE_TEXT[t.kind] }
  switch (t.kind) {
    case 'activity':
      return { kind: 'navigate', url: withId(ROUTES.activity, t.id) }
    case 'voucher':
      return { kind: 'tab', url: ROUTES.benefits }
    case 'request':
      return { kind: 'navigate', url: withId(ROUTES.hardshipDetail, t.id) }
    case 'review':
      return { kind: 'navigate', url: withId(ROUTES.reviewerRequest, t.id) }
    case 'review-files':
      return { kind: 'navigate', url: `${ROUTES.reviewerFiles}?due=1` }
    case 'group':
      return { kind: 'navigate', url: withId(ROUTES.group, t.id) }
  }
}

/** The hint under a message that opens something: what a tap does. */
export function openHint(m: Pick<MessageView, 'target' | 'targetExists'>): string | null {
  const o = openingOf(m)
  if (o.kind === 'gone') return o.text
  if (o.kind === 'none') return null
  switch (m.target!.kind) {
    case 'activity':
      return '查看活动'
    case 'voucher':
      return '去福利查看'
    case 'group':
      return '查看小组'
    case 'review-files':
      return '查看待复核档案'
    default:
      return '查看办理进展'
  }
}
