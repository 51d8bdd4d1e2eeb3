import { callerTag } from '../_lib/log'
import type { Deps } from '../_lib/deps'
import { memberById } from '../_lib/members.repo'
import { bindMember } from './bind-member'
import { bindingsOfUsers } from './bindings.repo'
import { releaseCutInvite, spentBetween } from './invites.repo'

/** Binds cut short are looked for this far back: the repair runs every ten minutes, so each is seen many times. */
const LOOK_BACK_MS = 24 * 3600 * 1000
const IN_BATCH = 500

/**
 * A bind by code claims the code for the user, then writes the binding; a call that died between the
 * two, and was never tried again, leaves a spent code and an unbound member. Each such code (claimed
 * longer ago than the time limit, so its call is over) is finished: the binding is written when
 * neither the user nor the member has bound meanwhile, otherwise the code is given back. Codes spent
 * on a member an admin unbound since are left alone. Each repair is logged (caller tag, never a name).
 */
export async function repairCutBinds(deps: Deps, timeLimitMs: number): Promise<{ completed: number; released: number }> {
  const { clock, log } = deps
  const now = clock.now().getTime()
  const spent = await spentBetween(deps, new Date(now - LOOK_BACK_MS), new Date(now - timeLimitMs))
  const totals = { completed: 0, released: 0 }
  for (let i = 0; i < spent.length; i += IN_BATCH) {
    const batch = spent.slice(i, i + IN_BATCH).filter((inv) => inv.usedBy)
    if (!batch.length) continue
    const bindingOf = new Map(
      (
        await bindingsOfUsers(
          deps,
          batch.map((inv) => inv.usedBy!),
          IN_BATCH,
        )
      ).map((b) => [b._id, b]),
    )
    for (const invite of batch) {
      const binding = bindingOf.get(invite.usedBy!)
      if (binding?.memberId === invite.memberId && binding.unionId === invite.unionId) continue
      const member = binding ? undefined : await memberById(deps, invite.memberId)
      if (member && member.unionId === invite.unionId && member.status !== '离会') {
        try {
          await bindMember(deps, invite.usedBy!, member, 'invite')
          totals.completed++
          log('warn', 'cut-bind-completed', { unionId: invite.unionId, caller: callerTag(invite.usedBy!) })
          continue
        } catch {
          // Bound meanwhile (the user or the member): the code goes back below.
        }
      }
      if (await releaseCutInvite(deps, invite)) {
        totals.released++
        log('warn', 'cut-bind-code-released', { unionId: invite.unionId, caller: callerTag(invite.usedBy!) })
      }
    }
  }
  return totals
}
