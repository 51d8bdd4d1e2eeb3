import type { GroupCard } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import type { DepartmentDoc, GroupDoc, GroupMemberDoc } from '../../_lib/documents'
import { departmentCard, interestCard } from '../groups.repo'

/**
 * How many departments and how many interest groups one union's list shows: one server-side page
 * each. The head-count aggregate has at most one row per department, so it is bounded the same way
 * (CloudBase returns only 20 rows of an aggregate that does not state its limit).
 */
const LIST_MAX = 1000

/** Four reads in parallel: interest groups, the caller's memberships, departments, and head counts per department. */
export const listGroups: Handler<'group.list'> = async ({ deps, me }) => {
  const { db } = deps
  const _ = db.command
  const $ = _.aggregate
  const [groupsRes, mineRes, deptRes, countRes] = await Promise.all([
    db.collection('groups').where({ unionId: me.unionId }).orderBy('name', 'asc').limit(LIST_MAX).get(),
    db.collection('group_members').where({ unionId: me.unionId, memberId: me.member._id, status: _.in(['active', 'pending', 'joining']) }).limit(200).get(),
    db.collection('departments').where({ unionId: me.unionId }).orderBy('name', 'asc').limit(LIST_MAX).get(),
    db.collection('members').aggregate().match({ unionId: me.unionId, status: _.neq('离会') }).group({ _id: '$departmentId', n: $.sum(1) }).limit(LIST_MAX).end(),
  ])
  const mine = new Map((mineRes.data as GroupMemberDoc[]).map((m) => [m.groupId, m]))
  const counts = new Map(((countRes as { data: { _id: string; n: number }[] }).data ?? []).map((c) => [c._id, c.n]))
  const leads = (kind: string, id: string) => me.subject.grants.some((g) => g.role === 'leader' && g.scope?.kind === kind && g.scope.id === id)
  const isAdmin = me.subject.grants.some((g) => g.role === 'admin')

  const cards: GroupCard[] = [
    ...(deptRes.data as DepartmentDoc[]).map((d) => departmentCard(d, counts.get(d._id) ?? 0, d._id === me.member.departmentId, isAdmin || leads('department', d._id))),
    ...(groupsRes.data as GroupDoc[]).map((g) => interestCard(g, mine.get(g._id), isAdmin || leads('group', g._id))),
  ]
  const isMine = (c: GroupCard) => c.myStatus !== null || (c.iLead && !isAdmin)
  return { mine: cards.filter(isMine), others: cards.filter((c) => !isMine(c)) }
}
