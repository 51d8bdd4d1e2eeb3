import type { Handler } from '../../_lib/entry'
import { groupDetail } from '../groups.repo'

export const getGroup: Handler<'group.get'> = async ({ deps, me, input }) => groupDetail(deps, me, input.id)
