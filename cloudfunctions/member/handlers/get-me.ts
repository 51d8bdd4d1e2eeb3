import type { Handler } from '../../_lib/entry'
import { roleNames } from '../../_lib/membership'
import { notFound } from '../../_lib/app-error'
import type { UnionDoc } from '../../_lib/documents'

export const getMe: Handler<'member.me'> = async ({ deps, me }) => {
  const unionRes = await deps.db.collection('unions').doc(me.unionId).get()
  const union = unionRes.data[0] as UnionDoc | undefined
  if (!union) throw notFound('所在工会不存在')
  return {
    member: { id: me.member._id, name: me.member.name, department: me.member.departmentName },
    union: { id: union._id, name: union.name },
    roles: roleNames(me.roles),
  }
}
