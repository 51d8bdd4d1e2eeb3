import type { Handler } from '../../_lib/entry'
import { groupDetail, loadGroup } from '../groups.repo'

export const getGroup: Handler<'group.get'> = async ({ deps, me, input }) => groupDetail(deps, me, await loadGroup(deps, me, input.id))
