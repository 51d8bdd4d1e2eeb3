import type { Handler } from '../../_lib/entry'
import { meView } from '../me-view'

export const getMe: Handler<'member.me'> = async ({ deps, me }) => meView(deps, me.openid, me.member, me.roles)
