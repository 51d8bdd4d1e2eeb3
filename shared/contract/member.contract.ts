import * as z from 'zod/mini'
import { defineAction } from './define'

import type { Role } from '../domain/roles'

export { ROLES, type Role } from '../domain/roles'

export interface MeView {
  readonly member: { readonly id: string; readonly name: string; readonly department: string }
  readonly union: { readonly id: string; readonly name: string }
  readonly roles: readonly Role[]
}

export const memberActions = {
  /** The caller's own profile, union and roles. */
  'member.me': defineAction<MeView>()(z.strictObject({}), { kind: 'member' }),
}
