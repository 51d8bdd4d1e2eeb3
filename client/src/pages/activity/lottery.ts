import type { ContestStanding, DrawSummary } from '@shared/contract'

/** 「32 人报名抽签，10 个名额：10 人中签，22 人候补」 */
export function drawSummaryText(r: Pick<DrawSummary, 'entrants' | 'places' | 'winners' | 'waitlisted'>): string {
  if (r.entrants === 0) return `${r.places} 个名额，没有人报名抽签`
  const waiting = r.waitlisted ? `，${r.waitlisted} 人候补` : ''
  return `${r.entrants} 人报名抽签，${r.places} 个名额：${r.winners.length} 人中签${waiting}`
}

export interface ContestBar {
  readonly id: string
  readonly name: string
  readonly signedUp: number
  readonly checkedIn: number
  /** Sign-ups against the leading team, 0–100 (the leader fills the track). */
  readonly signedPercent: number
  /** Check-ins on the same scale, drawn over the sign-ups. */
  readonly checkedPercent: number
}

/** Each team's bar, in the order the organizer chose; an unknown team name reads 未知队伍. */
export function contestBars(contest: ContestStanding): ContestBar[] {
  const top = Math.max(0, ...contest.teams.map((t) => t.signedUp))
  const pct = (n: number) => (top ? Math.round((Math.min(n, top) / top) * 100) : 0)
  return contest.teams.map((t) => ({
    id: t.id,
    name: t.name || '未知队伍',
    signedUp: t.signedUp,
    checkedIn: t.checkedIn,
    signedPercent: pct(t.signedUp),
    checkedPercent: pct(t.checkedIn),
  }))
}
