import { createHash } from 'node:crypto'
import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'
import { readAll } from './read-all'
import type { Tx } from './transaction'
import { readPage } from './read-page'

/**
 * The audit trail: every change to money, policies, roles and approvals is appended as an entry
 * whose hash covers its content and the previous entry's hash, so a document changed, removed or
 * inserted behind the functions' back breaks the chain from that point. Entries are numbered per
 * union; the _id is the number, so two writers can never both append entry N (one insert wins, the
 * other re-reads the head and tries N+1).
 */
export interface AuditEntry {
  readonly _id: string
  readonly unionId: string
  readonly seq: number
  readonly at: Date
  /** The member who acted, or 'system' for timers. */
  readonly actor: string
  readonly actorName: string
  readonly action: string
  readonly target: string
  readonly data: Readonly<Record<string, unknown>>
  readonly prevHash: string
  readonly hash: string
}

export type AuditInput = Pick<AuditEntry, 'unionId' | 'actor' | 'actorName' | 'action' | 'target' | 'data'>

const GENESIS = '0'.repeat(64)
export const auditId = (unionId: string, seq: number) => `${unionId}:${String(seq).padStart(10, '0')}`

/** Stable JSON: keys sorted at every level, dates as ISO text, so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export const entryHash = (e: Omit<AuditEntry, '_id' | 'hash'>): string =>
  sha256(
    canonical({
      unionId: e.unionId,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      actorName: e.actorName,
      action: e.action,
      target: e.target,
      data: e.data,
      prevHash: e.prevHash,
    }),
  )

/**
 * The chain's newest entry, kept apart from the chain (`audit_heads`, _id = union) and shown on
 * 公开栏: a chain alone cannot tell that its newest entries were cut off, its published head can.
 */
export interface AuditHead {
  readonly _id: string
  readonly unionId: string
  readonly seq: number
  readonly hash: string
  readonly at: Date
}

export const AUDIT_HEADS = 'audit_heads'

export const loadAuditHead = async (deps: Deps, unionId: string): Promise<AuditHead | undefined> =>
  (await deps.db.collection(AUDIT_HEADS).doc(unionId).get()).data[0] as AuditHead | undefined

/** The union's head as a lookup's pipeline (`$$u` the union), so a step reads it with what it decides on. */
export const auditHeadLookup = {
  from: AUDIT_HEADS,
  let: { u: '$unionId' },
  pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$u'] } } }, { $limit: 1 }],
}

/** Moves the head forward only: a slower writer of an earlier entry never pulls it back. */
export async function advanceAuditHead(deps: Deps, unionId: string, to: Pick<AuditEntry, 'seq' | 'hash' | 'at'>): Promise<void> {
  const coll = deps.db.collection(AUDIT_HEADS)
  const fields = { seq: to.seq, hash: to.hash, at: to.at }
  if ((await coll.where({ _id: unionId, seq: deps.db.command.lt(to.seq) }).update(fields)).updated === 1) return
  try {
    await coll.add({ _id: unionId, unionId, ...fields })
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    await coll.where({ _id: unionId, seq: deps.db.command.lt(to.seq) }).update(fields)
  }
}

/** Whether an entry matching `where` is in the union's chain (a resumed step looks before appending). */
export const auditEntryWhere = async (deps: Deps, unionId: string, where: Record<string, unknown>): Promise<boolean> =>
  (
    await deps.db
      .collection('audit_log')
      .where({ ...where, unionId })
      .limit(1)
      .get()
  ).data.length > 0

export const auditEntryExists = (deps: Deps, unionId: string, action: string, target: string): Promise<boolean> =>
  auditEntryWhere(deps, unionId, { action, target })

/** The chain newest first, a page at a time (`seq` is unique within the union). */
export async function auditPage(deps: Deps, unionId: string, page: number, pageSize: number): Promise<{ entries: AuditEntry[]; total: number }> {
  const { docs, total } = await readPage<AuditEntry>(deps.db.collection('audit_log').where({ unionId }), [['seq', 'desc']], page, pageSize)
  return { entries: docs, total }
}

/** The chain's last entry by number (read when the head is missing or behind). */
const chainEnd = async (deps: Deps, unionId: string): Promise<AuditEntry | undefined> =>
  (await deps.db.collection('audit_log').where({ unionId }).orderBy('seq', 'desc').limit(1).get()).data[0] as AuditEntry | undefined

/**
 * What to build on: the head, or the chain's last entry when the chain is longer (a writer died
 * between its entry and the head). Build on the head when the chain is shorter than it: entries
 * cut off stay a visible gap instead of being quietly numbered over.
 */
const buildOn = (head: Pick<AuditEntry, 'seq' | 'hash'> | undefined, last: Pick<AuditEntry, 'seq' | 'hash'> | undefined) =>
  head && head.seq > (last?.seq ?? 0) ? head : last

const nextEntry = (deps: Deps, input: AuditInput, prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined): AuditEntry => {
  const body = { ...input, seq: (prev?.seq ?? 0) + 1, at: deps.clock.now(), prevHash: prev?.hash ?? GENESIS }
  return { _id: auditId(input.unionId, body.seq), ...body, hash: entryHash(body) }
}

/**
 * Appends after the head: one read, the insert, the head moved (three round trips). The entry's
 * number is its _id, so an insert that collides means the head was behind (or another writer got
 * there first): only then is the chain's end read as well.
 */
export async function appendAudit(deps: Deps, input: AuditInput): Promise<AuditEntry> {
  const coll = deps.db.collection('audit_log')
  let head = await loadAuditHead(deps, input.unionId)
  let prev = head ? buildOn(head, undefined) : await chainEnd(deps, input.unionId)
  for (let attempt = 0; attempt < 20; attempt++) {
    const entry = nextEntry(deps, input, prev)
    try {
      await coll.add(entry)
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      ;[head, prev] = await Promise.all([loadAuditHead(deps, input.unionId), chainEnd(deps, input.unionId)])
      prev = buildOn(head, prev)
      continue
    }
    // If this dies here the head lags one entry; the next append finds it by the collision, verify moves it on.
    await advanceAuditHead(deps, input.unionId, entry)
    return entry
  }
  throw new Error('audit append kept colliding')
}

/**
 * The same inside a transaction, so the entry and the head land with the step they record or not at
 * all. `head` is the head as read with the step's facts (before the transaction: CloudBase
 * transactions take no queries, and the head needs no read inside — the entry's number is its _id,
 * so a head moved meanwhile makes this insert collide, or the commit conflict, and the transaction
 * runs again). A second attempt reads the head and the chain's end afresh.
 */
export async function appendAuditIn(
  tx: Tx,
  deps: Deps,
  input: AuditInput,
  known: { readonly head: AuditHead | undefined; readonly attempt: number },
): Promise<AuditEntry> {
  let prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined = known.head
  if (!known.head || known.attempt > 1) {
    const [head, last] = await Promise.all([loadAuditHead(deps, input.unionId), chainEnd(deps, input.unionId)])
    prev = buildOn(head, last)
  }
  const entry = nextEntry(deps, input, prev)
  await tx.collection('audit_log').add(entry)
  await tx.collection(AUDIT_HEADS).doc(input.unionId).set({ unionId: input.unionId, seq: entry.seq, hash: entry.hash, at: entry.at })
  return entry
}

/** `hashes[i]` is entry i+1's stored hash, for every entry walked (all of them when ok). */
export type ChainCheck =
  | { readonly ok: true; readonly checked: number; readonly hashes: readonly string[]; readonly last: AuditEntry | null }
  | { readonly ok: false; readonly checked: number; readonly brokenAt: number; readonly reason: string }

/**
 * Walks the chain in order: each entry must hash to its stored hash, point at the previous one,
 * and follow it by number. `extra` checks what entries vouch for (e.g. ledger digests).
 */
export async function verifyChain(deps: Deps, unionId: string, extra?: (e: AuditEntry) => Promise<string | null>): Promise<ChainCheck> {
  const entries = await readAll<AuditEntry>(deps.db.collection('audit_log').where({ unionId }).orderBy('seq', 'asc'))
  let prev = GENESIS
  const hashes: string[] = []
  for (const [i, e] of entries.entries()) {
    const expectedSeq = i + 1
    if (e.seq !== expectedSeq) return { ok: false, checked: i, brokenAt: expectedSeq, reason: `缺少第 ${expectedSeq} 条记录` }
    if (e.prevHash !== prev) return { ok: false, checked: i, brokenAt: e.seq, reason: `第 ${e.seq} 条记录与前一条接不上` }
    const { _id, hash, ...body } = e
    if (entryHash(body) !== hash) return { ok: false, checked: i, brokenAt: e.seq, reason: `第 ${e.seq} 条记录的内容被改动` }
    const problem = extra ? await extra(e) : null
    if (problem) return { ok: false, checked: i, brokenAt: e.seq, reason: problem }
    prev = hash
    hashes.push(hash)
  }
  return { ok: true, checked: entries.length, hashes, last: entries[entries.length - 1] ?? null }
}
