import { REVIEWER_MESSAGE_KINDS, type MessageKind } from '@shared/domain/messages'
import { invalid, notFound } from './app-error'
import { countRead, stages, type SubRead } from './batch-read'
import type { Deps } from './deps'
import type { Message } from './notify'

/**
 * The `messages` collection: each member's 消息 (read here and by member.me's badge) and the
 * outbox the message function's sender pushes to WeChat. notify.ts writes the rows; the fields
 * below `sentAt` are written only by this file, and documents that lack them read as unread and
 * not yet pushed (a query for `null` matches a missing field).
 */
export interface MessageDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly link: string
  readonly createdAt: Date
  /** When WeChat accepted it as a subscription message; null when it was not pushed (yet). */
  readonly sentAt: Date | null
  /** When the member opened it in 消息 (or marked all read); absent or null: unread. */
  readonly readAt?: Date | null
  /** When the sender was done with it, whatever came of it; absent or null: still to push. */
  readonly settledAt?: Date | null
  /** How the push ended: sent, left in 消息 only (no template, no credit, not bound, refused), or failed. */
  readonly push?: 'sent' | 'in-app' | 'failed'
  readonly pushReason?: string
  /** The sender run holding it, and until when; a lease past its time belongs to nobody (the run died or gave up). */
  readonly claim?: string | null
  readonly leaseUntil?: Date | null
  /** Sends that met a passing error (timeouts, WeChat busy). */
  readonly attempts?: number
}

/** Every kind notify.ts writes is a kind the contract knows (fails to compile otherwise). */
const _kindsKnown = (k: Message['kind']): MessageKind => k
void _kindsKnown

const MESSAGES = 'messages'
export const MESSAGE_NOT_FOUND = '没有找到这条消息'

/** Who is reading: a member sees their own messages, and reviewer notices only while they are a reviewer. */
export interface Reader {
  readonly unionId: string
  readonly memberId: string
  readonly reviewer: boolean
}

const visibleTo = (deps: Deps, reader: Reader) => ({
  unionId: reader.unionId,
  memberId: reader.memberId,
  ...(reader.reviewer ? {} : { kind: deps.db.command.nin([...REVIEWER_MESSAGE_KINDS]) }),
})

/** The badge: one count query. */
export async function countUnread(deps: Deps, reader: Reader): Promise<number> {
  return (
    await deps.db
      .collection(MESSAGES)
      .where({ ...visibleTo(deps, reader), readAt: null })
      .count()
  ).total
}

/** The badge as a read inside a batch (see batch-read.ts): read back with countOf. */
export const unreadRead = (deps: Deps, reader: Reader): SubRead => countRead(deps, MESSAGES, { ...visibleTo(deps, reader), readAt: null })

/** The newest few unread as a read inside a batch (首页's headlines). */
export const latestUnreadRead = (deps: Deps, reader: Reader, limit: number): SubRead => ({
  from: MESSAGES,
  pipeline: stages(deps)
    .match({ ...visibleTo(deps, reader), readAt: null })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .done(),
})

/** The newest few unread, for 首页's headlines (the badge's count comes from countUnread). */
export async function latestUnread(deps: Deps, reader: Reader, limit: number): Promise<MessageDoc[]> {
  const rows = await deps.db
    .collection(MESSAGES)
    .where({ ...visibleTo(deps, reader), readAt: null })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get()
  return rows.data as MessageDoc[]
}

/** A page of 消息, newest first. The cursor is the last row's time and id, so rows arriving meanwhile shift nothing. */
export async function messagePage(deps: Deps, reader: Reader, cursor: string | undefined, size: number): Promise<{ rows: MessageDoc[]; next: string | null }> {
  const rows = (
    await deps.db
      .collection(MESSAGES)
      .where(pageWhere(deps, reader, cursor))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(size + 1)
      .get()
  ).data as MessageDoc[]
  return pageOf(rows, size)
}

/** The same page as a read inside a batch (see batch-read.ts), so 消息 gets it and its badge in one trip; read back with pageOf. */
export const messagePageRead = (deps: Deps, reader: Reader, cursor: string | undefined, size: number): SubRead => ({
  from: MESSAGES,
  pipeline: stages(deps)
    .match(pageWhere(deps, reader, cursor))
    .sort({ createdAt: -1, _id: -1 })
    .limit(size + 1)
    .done(),
})

/** One more row than the page is read, so the page knows whether another follows. */
export function pageOf(rows: readonly MessageDoc[], size: number): { rows: MessageDoc[]; next: string | null } {
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return { rows: page, next: rows.length > size && last ? `${new Date(last.createdAt).getTime()}~${last._id}` : null }
}

function pageWhere(deps: Deps, reader: Reader, cursor: string | undefined): object {
  const _ = deps.db.command
  const after = cursor === undefined ? null : parseCursor(cursor)
  const base = visibleTo(deps, reader)
  return after ? _.and([base, _.or([{ createdAt: _.lt(after.at) }, { createdAt: after.at, _id: _.lt(after.id) }])]) : base
}

function parseCursor(cursor: string): { at: Date; id: string } {
  const m = /^(\d{1,15})~([A-Za-z0-9_:-]{1,128})$/.exec(cursor)
  if (!m) throw invalid('翻页位置不对，请从第一页重新加载', { field: 'cursor' })
  return { at: new Date(Number(m[1])), id: m[2] }
}

/** One of the reader's messages; any other (another member's, a lapsed reviewer's notice, none) answers the same NOT_FOUND. */
export async function messageOf(deps: Deps, reader: Reader, id: string): Promise<MessageDoc> {
  const doc = (await deps.db.collection(MESSAGES).doc(id).get()).data[0] as MessageDoc | undefined
  const hidden = doc && !reader.reviewer && (REVIEWER_MESSAGE_KINDS as readonly string[]).includes(doc.kind)
  if (!doc || doc.unionId !== reader.unionId || doc.memberId !== reader.memberId || hidden) throw notFound(MESSAGE_NOT_FOUND)
  return doc
}

/** Marks it read once (a second tap writes nothing); the member's own id is in the condition as well. */
export async function markRead(deps: Deps, reader: Reader, id: string): Promise<Date> {
  const now = deps.clock.now()
  await deps.db.collection(MESSAGES).where({ _id: id, unionId: reader.unionId, memberId: reader.memberId, readAt: null }).update({ readAt: now })
  return now
}

export async function markAllRead(deps: Deps, reader: Reader): Promise<number> {
  const res = await deps.db
    .collection(MESSAGES)
    .where({ ...visibleTo(deps, reader), readAt: null })
    .update({ readAt: deps.clock.now() })
  return res.updated ?? 0
}

// —— the outbox, for the sender ——

/** A lease nobody holds: never claimed, released, or left by a run that is over. */
const leaseFree = (deps: Deps, now: Date) => deps.db.command.or([{ leaseUntil: null }, { leaseUntil: deps.db.command.lt(now) }])

/** The oldest messages still to push, written since `since` (older ones are not worth a WeChat notice any more). */
export async function pendingPushes(deps: Deps, now: Date, since: Date, limit: number): Promise<MessageDoc[]> {
  const _ = deps.db.command
  const where = _.and([{ settledAt: null, createdAt: _.gte(since) }, leaseFree(deps, now)])
  return (await deps.db.collection(MESSAGES).where(where).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit).get()).data as MessageDoc[]
}

/** Takes a message for one sender run until `until`; false when another run holds it or it is done. */
export async function claimPush(deps: Deps, id: string, claim: string, now: Date, until: Date): Promise<boolean> {
  const _ = deps.db.command
  const res = await deps.db
    .collection(MESSAGES)
    .where(_.and([{ _id: id, settledAt: null }, leaseFree(deps, now)]))
    .update({ claim, leaseUntil: until })
  return res.updated === 1
}

/** Records how the push ended; only the run holding the claim can. */
export async function settlePush(deps: Deps, id: string, claim: string, push: 'sent' | 'in-app' | 'failed', reason: string): Promise<boolean> {
  const now = deps.clock.now()
  const res = await deps.db
    .collection(MESSAGES)
    .where({ _id: id, claim })
    .update({ settledAt: now, sentAt: push === 'sent' ? now : null, push, pushReason: reason, claim: null, leaseUntil: null })
  return res.updated === 1
}

/** Lets go of a message to try again after `until` (a passing error). */
export async function deferPush(deps: Deps, id: string, claim: string, until: Date): Promise<void> {
  await deps.db
    .collection(MESSAGES)
    .where({ _id: id, claim })
    .update({ claim: null, leaseUntil: until, attempts: deps.db.command.inc(1) })
}

// —— retention ——

/** Removes up to `batch` read messages written before `before`; returns how many went. */
export async function removeOldRead(deps: Deps, before: Date, batch: number): Promise<number> {
  const _ = deps.db.command
  const rows = (
    await deps.db
      .collection(MESSAGES)
      .where({ createdAt: _.lt(before), readAt: _.neq(null) })
      .field({ _id: true })
      .limit(batch)
      .get()
  ).data as { _id: string }[]
  if (!rows.length) return 0
  // The same condition again: a row is removed only while it is still old and read.
  const res = await deps.db
    .collection(MESSAGES)
    .where({ _id: _.in(rows.map((r) => r._id)), createdAt: _.lt(before), readAt: _.neq(null) })
    .remove()
  return res.deleted ?? 0
}
