import type { Handler } from '../../_lib/entry'
import { memberDetailOf } from '../../_lib/members.repo'

export const getMember: Handler<'member.get'> = async ({ deps, me, input }) => memberDetailOf(deps, me.unionId, input.id)
