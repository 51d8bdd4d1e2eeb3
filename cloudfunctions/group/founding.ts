import type { Deps } from '../_lib/deps'
import type { MemberDoc } from '../_lib/documents'
import { grantGroupLeaders } from '../_lib/roles.repo'
import { endFounding } from './groups.repo'
import { foundMemberships } from './memberships.repo'
import type { GroupDoc } from './records'

/**
 * How long after a create the same admin sending the same form is answered the group it made
 * rather than told the name is taken: a retry after a lost answer comes within minutes; later, a
 * group of the same name is a new wish and hears that one exists.
 */
export const SAME_CREATE_WINDOW_MS = 60 * 60 * 1000

type CreateForm = Pick<GroupDoc, 'description' | 'joinPolicy' | 'sizeLimit'> & { readonly leaderIds: readonly string[] }

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')

/**
 * Whether a group of the name asked for is this admin's own create sent again: same founder and
 * form, and either its founding not done yet (the first call died, or is still writing) or done
 * within SAME_CREATE_WINDOW_MS (the answer was lost after the last write).
 */
export function isSameCreate(group: GroupDoc, adminId: string, form: CreateForm, now: Date): boolean {
  if (group.createdBy !== adminId) return false
  if (group.description !== form.description || group.joinPolicy !== form.joinPolicy || group.sizeLimit !== form.sizeLimit) return false
  if (group.founding) return sameSet(group.founding.leaderIds, form.leaderIds)
  return now.getTime() - new Date(group.createdAt).getTime() < SAME_CREATE_WINDOW_MS
}

/**
 * The founding's remaining writes: each leader's grant and membership (each one idempotent by its
 * id, so finishing twice — a retry racing the repair — changes nothing), then the done mark.
 */
export async function completeFounding(deps: Deps, group: Pick<GroupDoc, '_id' | 'unionId' | 'createdAt'>, leaders: readonly MemberDoc[]): Promise<void> {
  await Promise.all([
    grantGroupLeaders(
      deps,
      group.unionId,
      group._id,
      leaders.map((m) => m._id),
    ),
    foundMemberships(deps, group.unionId, group._id, leaders, group.createdAt, () => deps.ids.next()),
  ])
  await endFounding(deps, group._id)
}
