import { hasRole } from '@shared/domain/authorization'
import type { Handler } from '../../_lib/entry'
import { notFound } from '../../_lib/app-error'
import type { PointDoc } from '../../_lib/documents'

const view = (p: PointDoc) => ({ id: p._id, name: p.name, address: p.address })

/** Adds a point, or renames one of this union's (campaigns keep the name they were issued with). */
export const savePoint: Handler<'benefit.savePoint'> = async ({ deps, me, input }) => {
  const coll = deps.db.collection('redeem_points')
  if (input.id) {
    const found = (await coll.doc(input.id).get()).data[0] as PointDoc | undefined
    if (!found || found.unionId !== me.unionId) throw notFound('没有找到这个兑换点')
    await coll.doc(input.id).update({ name: input.name, address: input.address })
    return view({ ...found, name: input.name, address: input.address })
  }
  const doc: PointDoc = { _id: deps.ids.next(), unionId: me.unionId, name: input.name, address: input.address }
  await coll.add(doc)
  return view(doc)
}

export const listPoints: Handler<'benefit.points'> = async ({ deps, me }) => {
  const _ = deps.db.command
  const mine = me.subject.grants.filter((g) => g.role === 'redeemer' && g.scope?.kind === 'point').map((g) => g.scope!.id)
  const where = hasRole(me.subject, 'admin') ? { unionId: me.unionId } : { unionId: me.unionId, _id: _.in(mine) }
  if (!hasRole(me.subject, 'admin') && !mine.length) return []
  return ((await deps.db.collection('redeem_points').where(where).orderBy('name', 'asc').limit(100).get()).data as PointDoc[]).map(view)
}
