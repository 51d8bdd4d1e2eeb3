import { isWithinCheckIn } from '@shared/domain/check-in'
import { SHANGHAI_OFFSET } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { eventsOfYear } from '../activities.repo'
import type { SignupDoc } from '../records'
import { confirmedAt } from '../signups.repo'
import { currentMembers } from '../teams.repo'

/**
 * 群众参与度 for a year (Asia/Shanghai): per department, how many members took part in at least one
 * event, with sign-ups and check-ins; per member, their counts. Read in pages, summed here. Only
 * a check-in inside the event's check-in window counts (records written before the window was
 * enforced, days ahead of the event, are not attendance).
 */
export const participation: Handler<'activity.participation'> = async ({ deps, me, input }) => {
  const from = new Date(`${input.year}-01-01T00:00:00${SHANGHAI_OFFSET}`)
  const to = new Date(`${input.year + 1}-01-01T00:00:00${SHANGHAI_OFFSET}`)
  const [acts, members] = await Promise.all([eventsOfYear(deps, me.unionId, from, to), currentMembers(deps, me.unionId)])
  const byId = new Map(acts.map((a) => [a._id, a]))
  const signups: SignupDoc[] = []
  for (let i = 0; i < acts.length; i += 500) {
    signups.push(
      ...(await confirmedAt(
        deps,
        acts.slice(i, i + 500).map((a) => a._id),
      )),
    )
  }
  const per = new Map<string, { signUps: number; checkIns: number }>()
  for (const s of signups) {
    const c = per.get(s.memberId) ?? { signUps: 0, checkIns: 0 }
    c.signUps += 1
    const a = byId.get(s.activityId)
    if (s.checkedInAt && a && isWithinCheckIn(a, s.checkedInAt)) c.checkIns += 1
    per.set(s.memberId, c)
  }
  const depts = new Map<string, { members: number; participants: number; signUps: number; checkIns: number }>()
  for (const m of members) {
    const d = depts.get(m.departmentName) ?? { members: 0, participants: 0, signUps: 0, checkIns: 0 }
    const c = per.get(m._id)
    d.members += 1
    if (c) {
      d.participants += 1
      d.signUps += c.signUps
      d.checkIns += c.checkIns
    }
    depts.set(m.departmentName, d)
  }
  return {
    year: input.year,
    events: acts.length,
    departments: [...depts]
      .map(([department, d]) => ({ department, ...d, rate: d.members ? Math.round((d.participants / d.members) * 1000) / 10 : 0 }))
      .sort((a, b) => b.rate - a.rate || a.department.localeCompare(b.department, 'zh')),
    members: members
      .map((m) => ({ memberId: m._id, name: m.name, department: m.departmentName, ...(per.get(m._id) ?? { signUps: 0, checkIns: 0 }) }))
      .sort((a, b) => b.signUps - a.signUps || b.checkIns - a.checkIns || a.name.localeCompare(b.name, 'zh')),
  }
}
