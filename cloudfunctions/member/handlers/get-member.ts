import type { Handler } from '../../_lib/entry'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'

export const getMember: Handler<'member.get'> = async ({ deps, me, input }) => memberDetail(deps, await memberInUnion(deps, me.unionId, input.id))
