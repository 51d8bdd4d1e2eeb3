import { formatInviteCode } from '@shared/domain/invite-code'
import { formatShanghai } from '@shared/domain/time'
import type { InviteView } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import type { InviteDoc } from '../../_lib/documents'

export const toInviteView = (i: InviteDoc): InviteView => ({
  code: formatInviteCode(i._id),
  memberId: i.memberId,
  name: i.memberName,
  department: i.departmentName,
  expiresAt: formatShanghai(i.expiresAt, 'YYYY-MM-DD'),
  used: i.usedAt !== null,
})

export const listInvites: Handler<'member.listInvites'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const _ = db.command
  const where = input.unusedOnly ? { unionId: me.unionId, usedAt: null, expiresAt: _.gt(clock.now()) } : { unionId: me.unionId }
  const query = db.collection('invites').where(where)
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('createdAt', 'desc').orderBy('memberNo', 'asc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).get(),
    query.count(),
  ])
  return { items: (pageRes.data as InviteDoc[]).map(toInviteView), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
