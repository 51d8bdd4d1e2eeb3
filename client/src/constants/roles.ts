import type { Role } from '@shared/contract'
import { ROLE_LABELS } from '@shared/domain/roles'

/** How each role is named to members (one wording, shared with the server's messages). */
export { ROLE_LABELS }

export const roleLabel = (role: Role): string => ROLE_LABELS[role] ?? role
