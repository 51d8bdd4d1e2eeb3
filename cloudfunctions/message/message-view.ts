import type { MessageView } from '@shared/contract'
import { MESSAGE_KINDS, MESSAGE_KIND_LABELS, messageTarget, targetPage, type MessageKind } from '@shared/domain/messages'
import { dateTimeText } from '@shared/domain/time'
import type { Deps } from '../_lib/deps'
import type { MessageDoc } from '../_lib/messages.repo'
import { existingTargets, isCheckable, targetKey } from './targets.repo'

const knownKind = (kind: string): MessageKind | null => ((MESSAGE_KINDS as readonly string[]).includes(kind) ? (kind as MessageKind) : null)

/** Messages as 消息 shows them, with whether each target is still there (checked for the whole page at once). */
export async function messageViews(deps: Deps, unionId: string, docs: readonly MessageDoc[]): Promise<MessageView[]> {
  const targets = docs.map((d) => messageTarget(d.kind, d.link, d._id))
  const existing = await existingTargets(deps, unionId, targets)
  return docs.map((d, i) => {
    const target = targets[i]
    const kind = knownKind(d.kind)
    return {
      id: d._id,
      kind: kind ?? 'other',
      kindLabel: kind ? MESSAGE_KIND_LABELS[kind] : '通知',
      title: d.title,
      body: d.body,
      at: dateTimeText(d.createdAt, deps.clock.now()),
      read: !!d.readAt,
      target,
      page: target ? targetPage(target) : null,
      targetExists: isCheckable(target) ? existing.has(targetKey(target)) : null,
    }
  })
}
