import { draw, type Entrant } from '@shared/domain/lottery'

const entrants = (n: number, losers: number[] = []): Entrant[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, priorLosses: losers.includes(i) ? 1 : 0 }))

describe('lottery draw', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = draw(entrants(50), 10, 'seed-1')
    expect(draw(entrants(50), 10, 'seed-1')).toEqual(a)
    expect(draw([...entrants(50)].reverse(), 10, 'seed-1')).toEqual(a)
    expect(draw(entrants(50), 10, 'seed-2').winners).not.toEqual(a.winners)
  })

  it('everyone appears exactly once, winners first', () => {
    const { winners, waitlist } = draw(entrants(30), 12, 's')
    expect(winners).toHaveLength(12)
    expect(new Set([...winners, ...waitlist])).toEqual(new Set(entrants(30).map((e) => e.memberId)))
  })

  it('members who lost earlier this year go first', () => {
    const { winners } = draw(entrants(40, [3, 17, 29]), 5, 'any')
    expect(winners.slice(0, 3).sort()).toEqual(['m17', 'm29', 'm3'])
  })

  it('when prior losers outnumber places, only prior losers win', () => {
    const { winners } = draw(entrants(40, [1, 2, 3, 4, 5, 6]), 4, 'x')
    expect(winners.every((w) => ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].includes(w))).toBe(true)
  })

  it('is roughly uniform: over many seeds each entrant wins about places/entrants of the time', () => {
    const wins = new Map<string, number>()
    for (let s = 0; s < 2000; s++) for (const w of draw(entrants(10), 3, `seed-${s}`).winners) wins.set(w, (wins.get(w) ?? 0) + 1)
    // Expected 600 each; a fair draw stays well inside ±20 %.
    for (const count of wins.values()) expect(Math.abs(count - 600)).toBeLessThan(120)
  })
})
