import type { Handler } from '../../_lib/entry'
import { departmentsOf } from '../departments.repo'

export const listDepartments: Handler<'member.departments'> = async ({ deps, me }) => departmentsOf(deps, me.unionId)
