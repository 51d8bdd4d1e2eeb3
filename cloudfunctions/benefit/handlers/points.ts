import { hasRole } from '@shared/domain/authorization'
import type { Handler } from '../../_lib/entry'
import { insertPoint, loadPoint, pointsOf, renamePoint, toPointView, type PointDoc } from '../points.repo'

/** Adds a point, or renames one of this union's (campaigns keep the name they were issued with). */
export const savePoint: Handler<'benefit.savePoint'> = async ({ deps, me, input }) => {
  if (input.id) {
    const found = await loadPoint(deps, me.unionId, input.id)
    await renamePoint(deps, found._id, input.name, input.address)
    return toPointView({ ...found, name: input.name, address: input.address })
  }
  const doc: PointDoc = { _id: deps.ids.next(), unionId: me.unionId, name: input.name, address: input.address }
  await insertPoint(deps, doc)
  return toPointView(doc)
}

/** Every point of the union for an admin; a redeemer's own points otherwise. */
export const listPoints: Handler<'benefit.points'> = async ({ deps, me }) => {
  if (hasRole(me.subject, 'admin')) return (await pointsOf(deps, me.unionId, null)).map(toPointView)
  const mine = me.subject.grants.filter((g) => g.role === 'redeemer' && g.scope?.kind === 'point').map((g) => g.scope!.id)
  return (await pointsOf(deps, me.unionId, mine)).map(toPointView)
}
