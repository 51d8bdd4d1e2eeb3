/** A server-side get returns at most 1000 documents: read a whole (bounded) result in pages. */
interface Pageable {
  skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } }
}

export async function readAll<T>(query: unknown, pageSize = 1000, max = 100_000): Promise<T[]> {
  const q = query as Pageable
  const out: T[] = []
  for (let offset = 0; offset < max; offset += pageSize) {
    const { data } = await q.skip(offset).limit(pageSize).get()
    out.push(...(data as T[]))
    if (data.length < pageSize) break
  }
  return out
}
