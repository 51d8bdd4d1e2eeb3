import { dateTimeText } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import type { GroupMemberDoc } from '../../_lib/documents'
import { loadGroup, requireInterest, requireManager } from '../groups.repo'

export const listRequests: Handler<'group.requests'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  requireManager(me, g)
  const query = deps.db.collection('group_members').where({ groupId: g.id, status: 'pending' })
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('requestedAt', 'asc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).get(),
    query.count(),
  ])
  const items = (pageRes.data as GroupMemberDoc[]).map((m) => ({ memberId: m.memberId, name: m.memberName, department: m.departmentName, requestedAt: dateTimeText(m.requestedAt, deps.clock.now()) }))
  return { items, total: countRes.total, page: input.page, pageSize: input.pageSize }
}
