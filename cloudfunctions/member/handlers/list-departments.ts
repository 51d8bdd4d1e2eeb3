import type { Handler } from '../../_lib/entry'
import type { DepartmentDoc } from '../../_lib/documents'

export const listDepartments: Handler<'member.departments'> = async ({ deps, me }) => {
  const res = await deps.db.collection('departments').where({ unionId: me.unionId }).orderBy('name', 'asc').limit(1000).get()
  return (res.data as DepartmentDoc[]).map((d) => ({ id: d._id, name: d.name }))
}
