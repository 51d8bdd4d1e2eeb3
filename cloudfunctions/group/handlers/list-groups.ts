import type { GroupCard } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { departmentCard, groupDirectory, interestCard } from '../groups.repo'

/** The 小组 tab: the union's 工会小组 and 兴趣小组 with the caller's own first, in one round trip after the caller. */
export const listGroups: Handler<'group.list'> = async ({ deps, me }) => {
  const { groups, departments, counts, mine } = await groupDirectory(deps, me.unionId, me.member._id)
  const leads = (kind: string, id: string) => me.subject.grants.some((g) => g.role === 'leader' && g.scope?.kind === kind && g.scope.id === id)
  const isAdmin = me.subject.grants.some((g) => g.role === 'admin')
  const cards: GroupCard[] = [
    ...departments.map((d) => departmentCard(d, counts.get(d._id) ?? 0, d._id === me.member.departmentId, isAdmin || leads('department', d._id))),
    ...groups.map((g) => interestCard(g, mine.get(g._id), isAdmin || leads('group', g._id))),
  ]
  const isMine = (c: GroupCard) => c.myStatus !== null || (c.iLead && !isAdmin)
  return { mine: cards.filter(isMine), others: cards.filter((c) => !isMine(c)) }
}
