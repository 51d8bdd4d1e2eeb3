import type { PointView } from '@shared/contract'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { PointDoc } from './records'
export type { PointDoc } from './records'

export const POINTS = 'redeem_points'

const points = (deps: Deps) => deps.db.collection(POINTS)

export const toPointView = (p: PointDoc): PointView => ({ id: p._id, name: p.name, address: p.address })

/** A point of this union, or null (another union's point does not exist here). */
export async function pointInUnion(deps: Deps, unionId: string, id: string): Promise<PointDoc | null> {
  const found = (await points(deps).doc(id).get()).data[0] as PointDoc | undefined
  return found && found.unionId === unionId ? found : null
}

/** A point of this union, or NOT_FOUND. */
export async function loadPoint(deps: Deps, unionId: string, id: string): Promise<PointDoc> {
  const found = await pointInUnion(deps, unionId, id)
  if (!found) throw notFound('没有找到这个兑换点')
  return found
}

export const insertPoint = async (deps: Deps, doc: PointDoc): Promise<void> => void (await points(deps).add(doc))

/** Campaigns keep the name they were issued with; only the point itself is renamed. */
export const renamePoint = async (deps: Deps, id: string, name: string, address: string): Promise<void> =>
  void (await points(deps).doc(id).update({ name, address }))

/** This union's points among `ids` (all of them when `ids` is null), by name. */
export async function pointsOf(deps: Deps, unionId: string, ids: readonly string[] | null, limit = 100): Promise<PointDoc[]> {
  if (ids && !ids.length) return []
  const where = ids ? { unionId, _id: deps.db.command.in([...new Set(ids)]) } : { unionId }
  return (await points(deps).where(where).orderBy('name', 'asc').limit(limit).get()).data as PointDoc[]
}

export async function pointViews(deps: Deps, unionId: string, ids: readonly string[]): Promise<Map<string, PointView>> {
  const rows = await pointsOf(deps, unionId, ids)
  return new Map(rows.map((p) => [p._id, toPointView(p)]))
}
