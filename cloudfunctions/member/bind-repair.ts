import { callerTag } from '../_lib/log'
import type { Deps } from '../_lib/deps'
import type { BindingDoc, InviteDoc, MemberDoc } from '../_lib/documents'
import { readAll } from '../_lib/read-all'
import { bindMember } from './bind-member'

/** Binds cut short are looked for this far back: the repair runs every ten minutes, so each is seen many times. */
const LOOK_BACK_MS = 24 * 3600 * 1000
const IN_BATCH = 500

type SpentInvite = InviteDoc & { readonly unboundAt?: Date }

/**
 * A bind by code claims the code for the user, then writes the binding; a call that died between the
 * two, and was never tried again, leaves a spent code and an unbound member. Each such code (claimed
 * longer ago than the time limit, so its call is over) is finished: the binding is written when
 * neither the user nor the member has bound meanwhile, otherwise the code is given back. Codes spent
 * on a member an admin unbound since are left alone. Each repair is logged (caller tag, never a name).
 */
export async function repairCutBinds(deps: Deps, timeLimitMs: number): Promise<{ completed: number; released: number }> {
  const { db, clock, log } = deps
  const _ = db.command
  const now = clock.now().getTime()
  const spent = await readAll<SpentInvite>(
    db.collection('invites').where({ usedAt: _.gt(new Date(now - LOOK_BACK_MS)).and(_.lt(new Date(now - timeLimitMs))), unboundAt: _.exists(false) }),
  )
  const totals = { completed: 0, released: 0 }
  for (let i = 0; i < spent.length; i += IN_BATCH) {
    const batch = spent.slice(i, i + IN_BATCH).filter((inv) => inv.usedBy)
    if (!batch.length) continue
    const bindings = (await db.collection('bindings').where({ _id: _.in(batch.map((inv) => inv.usedBy!)) }).limit(IN_BATCH).get()).data as BindingDoc[]
    const bindingOf = new Map(bindings.map((b) => [b._id, b]))
    for (const invite of batch) {
      const binding = bindingOf.get(invite.usedBy!)
      if (binding?.memberId === invite.memberId && binding.unionId === invite.unionId) continue
      const member = binding ? undefined : ((await db.collection('members').doc(invite.memberId).get()).data[0] as MemberDoc | undefined)
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
      const back = await db.collection('invites').where({ _id: invite._id, usedBy: invite.usedBy, usedAt: invite.usedAt }).update({ usedAt: null, usedBy: null })
      if (back.updated === 1) {
        totals.released++
        log('warn', 'cut-bind-code-released', { unionId: invite.unionId, caller: callerTag(invite.usedBy!) })
      }
    }
  }
  return totals
}
