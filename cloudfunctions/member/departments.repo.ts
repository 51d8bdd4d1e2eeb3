import type { DepartmentView } from '@shared/contract'
import type { Deps } from '../_lib/deps'
import type { DepartmentDoc } from '../_lib/documents'

/** The union's departments (工会小组 are made of them), named and ordered for pickers: one page holds them all. */
export async function departmentsOf(deps: Deps, unionId: string): Promise<DepartmentView[]> {
  const res = await deps.db.collection('departments').where({ unionId }).orderBy('name', 'asc').orderBy('_id', 'asc').limit(1000).get()
  return (res.data as DepartmentDoc[]).map((d) => ({ id: d._id, name: d.name }))
}

/** One department of the union, or undefined (another union's does not exist here). */
export async function departmentInUnion(deps: Deps, unionId: string, id: string): Promise<DepartmentDoc | undefined> {
  const dept = (await deps.db.collection('departments').doc(id).get()).data[0] as DepartmentDoc | undefined
  return dept && dept.unionId === unionId ? dept : undefined
}

/** Which of these ids are departments of the union. */
export async function knownDepartments(deps: Deps, unionId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const found = await deps.db
    .collection('departments')
    .where({ _id: deps.db.command.in([...ids]), unionId })
    .field({ _id: true })
    .limit(100)
    .get()
  return new Set((found.data as Pick<DepartmentDoc, '_id'>[]).map((d) => d._id))
}
