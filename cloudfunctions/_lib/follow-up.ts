import type { Deps } from './deps'

/**
 * What is left to do after a step's own write (its audit entry, its messages), marked in that same
 * write: a claim token and a deadline (the start plus the function's time limit). The invocation
 * that wrote it clears it when done. Past its deadline, the one who wrote it is certainly dead, so a
 * retry or the repair timer may take it over (one conditional write swapping the token) and finish.
 */
export interface FollowUp {
  readonly token: string
  readonly until: Date
}

export const newFollowUp = (deps: Deps, timeLimitMs: number): FollowUp => ({
  token: deps.ids.next(),
  until: new Date(deps.clock.now().getTime() + timeLimitMs),
})

export const isLeft = (f: FollowUp, now: Date): boolean => now.getTime() > new Date(f.until).getTime()

/**
 * Takes over a follow-up left by a dead invocation: only while it still holds the token that was
 * read, so of a retry and the repair running at once, one finishes it. null when another has it.
 */
export async function takeOver(deps: Deps, collection: string, id: string, path: string, seen: FollowUp, timeLimitMs: number): Promise<FollowUp | null> {
  const mine = newFollowUp(deps, timeLimitMs)
  const res = await deps.db
    .collection(collection)
    .where({ _id: id, [`${path}.token`]: seen.token })
    .update({ [path]: deps.db.command.set(mine) })
  return res.updated === 1 ? mine : null
}

/** Done: the marker goes, only if it is still this invocation's. */
export async function clearFollowUp(deps: Deps, collection: string, id: string, path: string, token: string): Promise<void> {
  await deps.db
    .collection(collection)
    .where({ _id: id, [`${path}.token`]: token })
    .update({ [path]: deps.db.command.remove() })
}
