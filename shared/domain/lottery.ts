/**
 * 抽签: who gets the places when more ask than fit. Reproducible from a stored seed (anyone can
 * re-run the draw and get the same order) and fair by the union's rule: members who lost an
 * earlier lottery this year go first, then everyone else; within each group the order is random.
 */

export interface Entrant {
  readonly memberId: string
  /** Lotteries this member lost earlier in the same calendar year. */
  readonly priorLosses: number
}

export interface DrawResult {
  readonly winners: readonly string[]
  /** The rest, in draw order: the waitlist after the draw. */
  readonly waitlist: readonly string[]
}

/** cyrb53: a small, well-mixed 53-bit string hash; enough to order entrants, and the same everywhere. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

export function draw(entrants: readonly Entrant[], places: number, seed: string): DrawResult {
  if (!Number.isInteger(places) || places < 0) throw new RangeError('places must be a non-negative integer')
  const ordered = [...new Map(entrants.map((e) => [e.memberId, e])).values()]
    .map((e) => ({ id: e.memberId, first: e.priorLosses > 0 ? 0 : 1, key: hash53(`${seed}:${e.memberId}`) }))
    .sort((a, b) => a.first - b.first || a.key - b.key || (a.id < b.id ? -1 : 1))
    .map((e) => e.id)
  return { winners: ordered.slice(0, places), waitlist: ordered.slice(places) }
}
