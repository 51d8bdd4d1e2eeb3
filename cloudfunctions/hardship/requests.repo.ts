import type { HardshipRequestCard, HardshipRequestDetail, RequestStepView } from '@shared/contract'
import {
  availableSteps,
  capText,
  decideRefusal,
  findCategory,
  frequencyText,
  mayViewRequest,
  nextStatus,
  STEP_LABELS,
  type AidCategory,
  type RequestStatus,
  type StepKind,
} from '@shared/domain/hardship'
import { dateTimeText } from '@shared/domain/time'
import { AppError, notFound } from '../_lib/app-error'
import { isDuplicateWrite } from '../_lib/db-errors'
import { readAll } from '../_lib/read-all'
import { txGet, type Tx } from '../_lib/transaction'
import type { Deps } from '../_lib/deps'
import type { HardshipRequestDoc, HardshipStepDoc } from './records'
import { temporaryLinks } from '../_lib/files'
import type { CallerMember } from '../_lib/membership'
import { policyFor } from './policy.repo'
import { readPage } from '../_lib/read-page'

export const REQUESTS = 'hardship_requests'

/** Photo links live a few minutes: long enough to look, too short to pass around. */
export const PHOTO_LINK_SECONDS = 300

export { derivedId } from '../_lib/derived-id'

/** The same answer for "no such request" and "not yours to see": existence is not revealed. */
export const requestNotFound = () => notFound('没有找到这条申请')

/** A request the caller may see (its member, its reporter, a reviewer of the union), or NOT_FOUND. */
export async function loadVisible(deps: Deps, me: CallerMember, id: string): Promise<HardshipRequestDoc> {
  const req = (await deps.db.collection(REQUESTS).doc(id).get()).data[0] as HardshipRequestDoc | undefined
  if (!req || !mayViewRequest(me.subject, req)) throw requestNotFound()
  return req
}

/** For reviewer steps: a request of the caller's union they may decide (not their own). */
export async function loadForDecision(deps: Deps, me: CallerMember, id: string): Promise<HardshipRequestDoc> {
  const req = await loadVisible(deps, me, id)
  const refusal = decideRefusal(me.subject, req)
  if (refusal) throw new AppError('FORBIDDEN', refusal)
  return req
}

/** Who the actor is to this request, as the timeline names them. */
export const actorRole = (me: CallerMember, req: HardshipRequestDoc): HardshipStepDoc['actorRole'] =>
  req.memberId === me.member._id ? 'member' : req.reporterId === me.member._id ? 'reporter' : 'reviewer'

export interface StepInput {
  readonly note?: string
  readonly amountFen?: number | null
  readonly method?: HardshipStepDoc['method']
  readonly paidOn?: string | null
  /** Fields of the request that change with the step. */
  readonly set?: Partial<Omit<HardshipRequestDoc, '_id' | 'status' | 'version' | 'steps'>>
  /** Name the actor's role explicitly (a reviewer acting as such on a request they reported). */
  readonly role?: HardshipStepDoc['actorRole']
}

/** The timeline entry a step appends (null when the step cannot follow the request's status). */
export function stepEntry(deps: Deps, me: CallerMember, req: HardshipRequestDoc, step: StepKind, input: StepInput = {}): HardshipStepDoc | null {
  const to = nextStatus(req.status, step)
  if (!to) return null
  return {
    kind: step,
    status: to,
    at: deps.clock.now(),
    actorId: me.member._id,
    actorName: me.member.name,
    actorRole: input.role ?? actorRole(me, req),
    note: input.note ?? '',
    amountFen: input.amountFen ?? null,
    method: input.method ?? null,
    paidOn: input.paidOn ?? null,
  }
}

/**
 * Moves a request one step: status, version and the appended step in one conditional write on the
 * version read, so of two racing steps exactly one happens. Answers the request as it is now, or
 * null when it changed in between (nothing written).
 */
export async function applyStep(
  deps: Deps,
  me: CallerMember,
  req: HardshipRequestDoc,
  step: StepKind,
  input: StepInput = {},
): Promise<HardshipRequestDoc | null> {
  const entry = stepEntry(deps, me, req, step, input)
  if (!entry) return null
  const to = entry.status
  const now = entry.at
  const _ = deps.db.command
  const res = await deps.db
    .collection(REQUESTS)
    .where({ _id: req._id, status: req.status, version: req.version })
    .updateAndReturn({ ...(input.set ?? {}), status: to, version: _.inc(1), updatedAt: now, steps: _.push([entry]) })
  return res.updated === 1 && res.doc ? (res.doc as HardshipRequestDoc) : null
}

/** Requests with a follow-up mark (`followUps.<step>`) past its deadline, for the repair. */
export const requestsWithLapsedMarks = (deps: Deps, paths: readonly string[], now: Date) =>
  readAll<HardshipRequestDoc & { followUps?: Record<string, unknown> }>(
    deps.db.collection(REQUESTS).where(deps.db.command.or(paths.map((p) => ({ [`${p}.until`]: deps.db.command.lt(now) })))),
    100,
    2000,
  )

/** Reads a request again after a lost race, to answer with what happened instead. */
export async function reread(deps: Deps, id: string): Promise<HardshipRequestDoc> {
  const req = (await deps.db.collection(REQUESTS).doc(id).get()).data[0] as HardshipRequestDoc | undefined
  if (!req) throw requestNotFound()
  return req
}

/** A new request under its natural key; false when the same form was sent before (nothing written). */
export async function insertRequest(deps: Deps, doc: HardshipRequestDoc): Promise<boolean> {
  try {
    await deps.db.collection(REQUESTS).add(doc)
    return true
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return false
  }
}

type CardRow = Pick<HardshipRequestDoc, keyof typeof CARD_FIELDS>

/** 我的帮扶申请: those the member made and those made for them, newest first (cards only). */
export async function myRequestsPage(
  deps: Deps,
  unionId: string,
  memberId: string,
  page: number,
  pageSize: number,
): Promise<{ docs: CardRow[]; total: number }> {
  const _ = deps.db.command
  const query = deps.db.collection(REQUESTS).where(
    _.or([
      { unionId, memberId },
      { unionId, reporterId: memberId },
    ]),
  )
  return readPage<CardRow>(query, [['submittedAt', 'desc']], page, pageSize, CARD_FIELDS)
}

/** The reviewers' queue: requests in these statuses, work to do oldest first, settled ones newest first (cards only). */
export async function queuePage(
  deps: Deps,
  unionId: string,
  statuses: readonly RequestStatus[],
  settled: boolean,
  page: number,
  pageSize: number,
): Promise<{ docs: CardRow[]; total: number }> {
  const _ = deps.db.command
  const query = deps.db.collection(REQUESTS).where({ unionId, status: statuses.length === 1 ? statuses[0] : _.in([...statuses]) })
  return readPage<CardRow>(query, [settled ? ['updatedAt', 'desc'] : ['submittedAt', 'asc']], page, pageSize, CARD_FIELDS)
}

/** A member's latest requests (cards only), for their file page. */
export const memberRequests = async (deps: Deps, unionId: string, memberId: string, limit = 20): Promise<CardRow[]> =>
  (await deps.db.collection(REQUESTS).where({ unionId, memberId }).orderBy('submittedAt', 'desc').limit(limit).field(CARD_FIELDS).get()).data as CardRow[]

// —— inside a step's transaction (booked-steps.ts) ——

/** The request is no longer as read (another step, or this same one, got there first): nothing written. */
export class StepRaced extends Error {}

/** The request inside the transaction, still as it was read (or StepRaced). */
export async function currentIn(tx: Tx, req: HardshipRequestDoc): Promise<HardshipRequestDoc> {
  const current = await txGet<HardshipRequestDoc>(tx, REQUESTS, req._id)
  if (!current || current.status !== req.status || current.version !== req.version) throw new StepRaced()
  return current
}

/** The step's write: status, version and timeline, as applyStep does outside. */
export async function moveIn(
  tx: Tx,
  deps: Deps,
  me: CallerMember,
  current: HardshipRequestDoc,
  step: 'approve' | 'pay',
  input: StepInput,
): Promise<HardshipRequestDoc> {
  const entry = stepEntry(deps, me, current, step, input)
  if (!entry) throw new StepRaced()
  const _ = deps.db.command
  await tx
    .collection(REQUESTS)
    .doc(current._id)
    .update({ ...(input.set ?? {}), status: entry.status, version: _.inc(1), updatedAt: entry.at, steps: _.push([entry]) })
  const set = { ...(input.set ?? {}) } as Partial<HardshipRequestDoc>
  return { ...current, ...set, status: entry.status, version: current.version + 1, updatedAt: entry.at, steps: [...current.steps, entry] }
}

export const changedMeanwhile = () => new AppError('CONFLICT', '这条申请刚刚有了变化，请刷新后再看')

/** Fields a list shows: never the description, contact, photos or steps. */
export const CARD_FIELDS = {
  _id: true,
  category: true,
  categoryName: true,
  kind: true,
  status: true,
  memberId: true,
  memberName: true,
  departmentName: true,
  reporterId: true,
  reporterName: true,
  amountAskedFen: true,
  approvedFen: true,
  submittedAt: true,
  updatedAt: true,
  reviewerName: true,
} as const

/** `now` decides whether dates carry their year (the house style, shared/domain/time.ts). */
export const toCard = (req: Pick<HardshipRequestDoc, keyof typeof CARD_FIELDS>, now: Date): HardshipRequestCard => ({
  id: req._id,
  category: req.category,
  categoryName: req.categoryName,
  kind: req.kind,
  status: req.status,
  memberId: req.memberId,
  memberName: req.memberName,
  department: req.departmentName,
  reportedBy: req.reporterId === req.memberId ? null : req.reporterName,
  amountAskedFen: req.amountAskedFen,
  approvedFen: req.approvedFen,
  submittedAt: dateTimeText(req.submittedAt, now),
  updatedAt: dateTimeText(req.updatedAt, now),
  reviewerName: req.reviewerName,
})

const stepView = (s: HardshipStepDoc, now: Date): RequestStepView => ({
  kind: s.kind,
  label: STEP_LABELS[s.kind],
  status: s.status,
  at: dateTimeText(s.at, now),
  actorName: s.actorName,
  actorRole: s.actorRole,
  note: s.note,
  amountFen: s.amountFen,
  method: s.method,
  paidOn: s.paidOn,
})

export interface DetailOptions {
  /** Links already made for these photos (e.g. while checking them). */
  readonly links?: ReadonlyMap<string, string>
  /** The category as the standards define it now, if already read. */
  readonly category?: AidCategory | null
}

/** The whole request for someone allowed to see it: timeline, photos by short-lived links, what they may do next. */
export async function toDetail(deps: Deps, me: CallerMember, req: HardshipRequestDoc, options: DetailOptions = {}): Promise<HardshipRequestDetail> {
  const known = options.links ?? new Map<string, string>()
  const missing = req.photoFileIds.filter((f) => !known.has(f))
  const [fresh, category] = await Promise.all([
    missing.length ? temporaryLinks(missing, PHOTO_LINK_SECONDS) : Promise.resolve(new Map<string, string>()),
    options.category !== undefined
      ? Promise.resolve(options.category)
      : policyFor(deps, req.unionId, req.year).then((p) => findCategory(p.categories, req.category) ?? null),
  ])
  const url = (f: string) => known.get(f) ?? fresh.get(f)
  const now = deps.clock.now()
  return {
    ...toCard(req, now),
    description: req.description,
    contact: req.contact,
    photos: req.photoFileIds.flatMap((fileId) => {
      const link = url(fileId)
      return link ? [{ fileId, url: link }] : []
    }),
    capFen: category?.capFen ?? null,
    capText: category ? capText(category) : '该类别已停用',
    frequencyText: category ? frequencyText(category) : '',
    caseLabelName: category && category.frequency.per === 'case' ? category.caseLabel : '',
    caseLabel: req.caseLabel,
    payment: req.payment
      ? {
          amountFen: req.payment.amountFen,
          method: req.payment.method,
          paidOn: req.payment.paidOn,
          note: req.payment.note,
          paidBy: req.payment.byName,
          recordedAt: dateTimeText(req.payment.at, now),
        }
      : null,
    steps: req.steps.map((s) => stepView(s, now)),
    can: availableSteps(me.subject, req),
    forMe: req.memberId === me.member._id,
  }
}

export const memberLink = (id: string) => `/pages/hardship/detail?id=${id}`
export const reviewerLink = (id: string) => `/packages/reviewer/request/index?id=${id}`
