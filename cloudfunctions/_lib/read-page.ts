import type { Database } from './db'

type Query = ReturnType<ReturnType<Database['collection']>['where']>

/** A sort key: the field and its direction. */
export type SortKey = readonly [field: string, direction: 'asc' | 'desc']

/**
 * One page of a query and the query's total, read in parallel (two round trips). Pages with
 * skip/limit only work over a total order (CloudBase returns ties in a different order on every
 * request, see read-all.ts), so `_id` is appended, ascending, as the last sort key unless the
 * order already ends with it. `fields` is a projection for the page (the total ignores it).
 */
export async function readPage<T>(
  query: Query,
  order: readonly SortKey[],
  page: number,
  pageSize: number,
  fields?: Readonly<Record<string, boolean>>,
): Promise<{ docs: T[]; total: number }> {
  const keys: readonly SortKey[] = order[order.length - 1]?.[0] === '_id' ? order : [...order, ['_id', 'asc']]
  const sorted = keys.reduce((q, [field, direction]) => q.orderBy(field, direction), query)
  const paged = sorted.skip((page - 1) * pageSize).limit(pageSize)
  const [rows, count] = await Promise.all([(fields ? paged.field(fields) : paged).get(), query.count()])
  return { docs: rows.data as T[], total: count.total }
}
