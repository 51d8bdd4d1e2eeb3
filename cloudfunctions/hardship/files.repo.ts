import type { HardshipFileDetail, HardshipFileRow, VisitView } from '@shared/contract'
import { isReviewDue } from '@shared/domain/hardship'
import { dateTimeText, formatShanghai } from '@shared/domain/time'
import type { Deps } from '../_lib/deps'
import type { MemberDoc } from '../_lib/documents'
import type { HardshipFileDoc, HardshipRequestDoc, HardshipVisitDoc } from './records'
import { memberInUnion } from '../_lib/members.repo'
import { CARD_FIELDS, REQUESTS, toCard } from './requests.repo'

export const FILES = 'hardship_files'
export const VISITS = 'hardship_visits'

export const todayIn = (deps: Deps): string => formatShanghai(deps.clock.now(), 'YYYY-MM-DD')

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

const visitView = (v: HardshipVisitDoc): VisitView => ({ id: v._id, date: v.date, visitors: v.visitors, given: v.given, amountFen: v.amountFen, note: v.note, recordedBy: v.recordedByName })

/** A member's file page: the member, the file (or none yet), the last visits and requests — all read at once. */
export async function fileDetail(deps: Deps, unionId: string, memberId: string, known?: { member?: MemberDoc; file?: HardshipFileDoc | null }): Promise<HardshipFileDetail> {
  const { db } = deps
  const [member, file, visits, requests] = await Promise.all([
    known?.member ? Promise.resolve(known.member) : memberInUnion(deps, unionId, memberId),
    known?.file !== undefined ? Promise.resolve(known.file) : db.collection(FILES).doc(memberId).get().then((r) => (r.data[0] as HardshipFileDoc | undefined) ?? null),
    db.collection(VISITS).where({ unionId, memberId }).orderBy('date', 'desc').orderBy('createdAt', 'desc').limit(50).get(),
    db.collection(REQUESTS).where({ unionId, memberId }).orderBy('submittedAt', 'desc').limit(20).field(CARD_FIELDS).get(),
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
    requests: (requests.data as HardshipRequestDoc[]).map((r) => toCard(r, deps.clock.now())),
  }
}
