import type { HardshipFileDetail, HardshipFileRow, VisitView } from '@shared/contract'
import { isReviewDue } from '@shared/domain/hardship'
import { dateTimeText, formatShanghai } from '@shared/domain/time'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import { readAll } from '../_lib/read-all'
import type { MemberDoc } from '../_lib/documents'
import type { HardshipFileDoc, HardshipVisitDoc } from './records'
import { memberInUnion } from '../_lib/members.repo'
import { memberRequests, toCard } from './requests.repo'
import { readPage } from '../_lib/read-page'

export const FILES = 'hardship_files'
export const VISITS = 'hardship_visits'

export const todayIn = (deps: Deps): string => formatShanghai(deps.clock.now(), 'YYYY-MM-DD')

/** A member's file (its `_id` is the member's), or null; the caller checks the union. */
export const fileOf = async (deps: Deps, memberId: string): Promise<HardshipFileDoc | null> =>
  ((await deps.db.collection(FILES).doc(memberId).get()).data[0] as HardshipFileDoc | undefined) ?? null

/** Opens or replaces a member's file whole. */
export async function saveFileDoc(deps: Deps, doc: HardshipFileDoc): Promise<void> {
  const { _id, ...fields } = doc
  await deps.db.collection(FILES).doc(_id).set(fields)
}

/** A visit under its natural key; false when the same form was recorded before (nothing written). */
export async function insertVisit(deps: Deps, visit: HardshipVisitDoc): Promise<boolean> {
  try {
    await deps.db.collection(VISITS).add(visit)
    return true
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return false
  }
}

/** The last visit only ever moves forward, even when visits are recorded out of order at the same time. */
export async function advanceLastVisit(deps: Deps, fileId: string, date: string): Promise<void> {
  const _ = deps.db.command
  await deps.db
    .collection(FILES)
    .where(_.and([{ _id: fileId }, _.or([{ lastVisitOn: null }, { lastVisitOn: _.lt(date) }])]))
    .update({ lastVisitOn: date })
}

/** Files on record, the next review first (or only those due by `dueBy`). */
export async function filesPage(
  deps: Deps,
  unionId: string,
  dueBy: string | null,
  page: number,
  pageSize: number,
): Promise<{ docs: HardshipFileDoc[]; total: number }> {
  const query = deps.db.collection(FILES).where({ unionId, active: true, ...(dueBy ? { nextReviewOn: deps.db.command.lte(dueBy) } : {}) })
  const order = [
    ['nextReviewOn', 'asc'],
    ['memberName', 'asc'],
  ] as const
  return readPage<HardshipFileDoc>(query, order, page, pageSize)
}

/** Every union's files due for review by `today` whose reviewers have not been reminded of this date. */
export const filesToRemind = (deps: Deps, today: string) =>
  readAll<HardshipFileDoc>(deps.db.collection(FILES).where({ active: true, reviewReminded: false, nextReviewOn: deps.db.command.lte(today) }), 200, 5000)

/** Claims a file's reminder for its review date (one conditional write, so overlapping runs remind once). */
export async function claimReminder(deps: Deps, f: HardshipFileDoc): Promise<boolean> {
  const res = await deps.db.collection(FILES).where({ _id: f._id, reviewReminded: false, nextReviewOn: f.nextReviewOn }).update({ reviewReminded: true })
  return res.updated === 1
}

export const fileRow = (f: HardshipFileDoc, today: string): HardshipFileRow => ({
  memberId: f.memberId,
  name: f.memberName,
  department: f.departmentName,
  level: f.level,
  since: f.since,
  nextReviewOn: f.nextReviewOn,
  due: f.active && isReviewDue(f.nextReviewOn, today),
  active: f.active,
  lastVisitOn: f.lastVisitOn,
})

const visitView = (v: HardshipVisitDoc): VisitView => ({
  id: v._id,
  date: v.date,
  visitors: v.visitors,
  given: v.given,
  amountFen: v.amountFen,
  note: v.note,
  recordedBy: v.recordedByName,
})

/** A member's file page: the member, the file (or none yet), the last visits and requests — all read at once. */
export async function fileDetail(
  deps: Deps,
  unionId: string,
  memberId: string,
  known?: { member?: MemberDoc; file?: HardshipFileDoc | null },
): Promise<HardshipFileDetail> {
  const { db } = deps
  const [member, file, visits, requests] = await Promise.all([
    known?.member ? Promise.resolve(known.member) : memberInUnion(deps, unionId, memberId),
    known?.file !== undefined ? Promise.resolve(known.file) : fileOf(deps, memberId),
    db.collection(VISITS).where({ unionId, memberId }).orderBy('date', 'desc').orderBy('createdAt', 'desc').limit(50).get(),
    memberRequests(deps, unionId, memberId),
  ])
  const mine = file && file.unionId === unionId ? file : null
  return {
    member: { id: member._id, name: member.name, department: member.departmentName },
    file: mine
      ? {
          level: mine.level,
          reason: mine.reason,
          since: mine.since,
          nextReviewOn: mine.nextReviewOn,
          active: mine.active,
          due: mine.active && isReviewDue(mine.nextReviewOn, todayIn(deps)),
          updatedAt: dateTimeText(mine.updatedAt, deps.clock.now()),
          updatedBy: mine.updatedByName,
        }
      : null,
    visits: (visits.data as HardshipVisitDoc[]).map(visitView),
    requests: requests.map((r) => toCard(r, deps.clock.now())),
  }
}
