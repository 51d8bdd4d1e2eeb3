/** A server-side get returns at most 1000 documents: read a whole (bounded) result in pages. */
interface Pageable {
  orderBy(field: string, direction: 'asc' | 'desc'): Pageable
  skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } }
}

/**
 * Pages with skip/limit only work over a total order: CloudBase returns documents whose sort keys
 * tie in a different order on every request, so page 2 may repeat or skip page 1's documents. `_id`
 * is appended as the last sort key (the SDK's orderBy appends), so the caller's own sort stays
 * primary and ties are broken the same way on every page. Callers must not sort by `_id` themselves
 * (the SDK keeps one direction per field, so this `asc` would replace theirs).
 */
export async function readAll<T>(query: unknown, pageSize = 1000, max = 100_000): Promise<T[]> {
  const q = (query as Pageable).orderBy('_id', 'asc')
  const out: T[] = []
  for (let offset = 0; offset < max; offset += pageSize) {
    const { data } = await q.skip(offset).limit(pageSize).get()
    out.push(...(data as T[]))
    if (data.length < pageSize) break
  }
  return out
}
