import type { ContestStanding } from '@shared/contract'
import type { Deps } from '../_lib/deps'
import type { ActivityDoc, DepartmentDoc, GroupDoc, GroupMemberDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'

/**
 * 结对竞赛: which team a sign-up counts for — the member's department, or the first contest group
 * they belong to. Group membership costs a read, only for group contests.
 */
export async function contestTeam(deps: Deps, me: CallerMember, a: ActivityDoc): Promise<string | null> {
  const contest = a.contest
  if (!contest) return null
  if (contest.kind === 'department') return contest.teamIds.includes(me.member.departmentId) ? me.member.departmentId : null
  const rows = (await deps.db.collection('group_members').where({ _id: deps.db.command.in(contest.teamIds.map((g) => `${g}:${me.member._id}`)), status: 'active' }).field({ groupId: true }).limit(contest.teamIds.length).get()).data as GroupMemberDoc[]
  const mine = new Set(rows.map((r) => r.groupId))
  return contest.teamIds.find((g) => mine.has(g)) ?? null
}

/** Each team's confirmed sign-ups and check-ins, with the team names. */
export async function contestStanding(deps: Deps, a: ActivityDoc): Promise<ContestStanding | null> {
  const contest = a.contest
  if (!contest) return null
  const { db } = deps
  const _ = db.command
  const $ = _.aggregate
  const counted = (match: Record<string, unknown>) =>
    // One row per team at most; stated, as CloudBase returns only 20 rows of an aggregate without a limit.
    db.collection('signups').aggregate().match({ activityId: a._id, status: 'confirmed', team: _.in([...contest.teamIds]), ...match }).group({ _id: '$team', n: $.sum(1) }).limit(contest.teamIds.length).end()
  const [signed, checked, names] = await Promise.all([
    counted({}),
    counted({ checkedInAt: _.neq(null) }),
    db.collection(contest.kind === 'department' ? 'departments' : 'groups').where({ _id: _.in([...contest.teamIds]) }).field({ name: true }).limit(contest.teamIds.length).get(),
  ])
  const tally = (res: { data: unknown[] }) => new Map((res.data as { _id: string; n: number }[]).map((r) => [r._id, r.n]))
  const [s, c] = [tally(signed), tally(checked)]
  const nameOf = new Map((names.data as (DepartmentDoc | GroupDoc)[]).map((d) => [d._id, d.name]))
  return { kind: contest.kind, teams: contest.teamIds.map((id) => ({ id, name: nameOf.get(id) ?? '', signedUp: s.get(id) ?? 0, checkedIn: c.get(id) ?? 0 })) }
}
