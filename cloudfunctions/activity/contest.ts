import type { ContestStanding } from '@shared/contract'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import type { ActivityDoc } from './records'
import { checkedInMatch, perTeam } from './signups.repo'
import { activeGroupsOf, teamNames } from './teams.repo'

/**
 * 结对竞赛: which team a sign-up counts for — the member's department, or the first contest group
 * they belong to. Group membership costs a read, only for group contests.
 */
export async function contestTeam(deps: Deps, me: CallerMember, a: ActivityDoc): Promise<string | null> {
  const contest = a.contest
  if (!contest) return null
  if (contest.kind === 'department') return contest.teamIds.includes(me.member.departmentId) ? me.member.departmentId : null
  const mine = await activeGroupsOf(deps, me.member._id, contest.teamIds)
  return contest.teamIds.find((g) => mine.has(g)) ?? null
}

/** Each team's confirmed sign-ups and check-ins, with the team names. */
export async function contestStanding(deps: Deps, a: ActivityDoc): Promise<ContestStanding | null> {
  const contest = a.contest
  if (!contest) return null
  const [s, c, nameOf] = await Promise.all([
    perTeam(deps, a._id, contest.teamIds),
    perTeam(deps, a._id, contest.teamIds, checkedInMatch(deps)),
    teamNames(deps, contest.kind, contest.teamIds),
  ])
  return { kind: contest.kind, teams: contest.teamIds.map((id) => ({ id, name: nameOf.get(id) ?? '', signedUp: s.get(id) ?? 0, checkedIn: c.get(id) ?? 0 })) }
}
