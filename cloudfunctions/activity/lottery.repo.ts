import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import type { LotteryDrawDoc, LotteryLossDoc } from './records'

/** `lottery_draws` (one per event, the fixed draw) and `lottery_losses` (a member's lost draws per year). */
const draws = (deps: Deps) => deps.db.collection('lottery_draws')
const losses = (deps: Deps) => deps.db.collection('lottery_losses')

export const lossId = (unionId: string, year: number, memberId: string) => `${unionId}:${year}:${memberId}`

export async function readDraw(deps: Deps, activityId: string): Promise<LotteryDrawDoc | undefined> {
  return (await draws(deps).doc(activityId).get()).data[0] as LotteryDrawDoc | undefined
}

/** The draw fixed once: the first stored wins, and an overlapping run gets that one back. */
export async function fixDrawOnce(deps: Deps, record: LotteryDrawDoc): Promise<LotteryDrawDoc> {
  try {
    await draws(deps).add(record)
    return record
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return (await readDraw(deps, record._id))!
  }
}

export async function lossesOf(deps: Deps, ids: readonly string[]): Promise<LotteryLossDoc[]> {
  return (
    await losses(deps)
      .where({ _id: deps.db.command.in([...ids]) })
      .limit(ids.length)
      .get()
  ).data as LotteryLossDoc[]
}

/** This event added to the member's losses of the year, once (a set), creating the record if needed. */
export async function addLoss(deps: Deps, doc: LotteryLossDoc): Promise<void> {
  const added = await losses(deps)
    .where({ _id: doc._id })
    .update({ lost: deps.db.command.addToSet(doc.lost[0]) })
  if (added.updated === 1) return
  try {
    await losses(deps).add(doc)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    // Created meanwhile by an overlapping run: add this event to it.
    await losses(deps)
      .where({ _id: doc._id })
      .update({ lost: deps.db.command.addToSet(doc.lost[0]) })
  }
}

/** A loser who later gets a place no longer counts as having lost this event. */
export async function takeBackLoss(deps: Deps, ids: readonly string[], activityId: string): Promise<void> {
  await losses(deps)
    .where({ _id: deps.db.command.in([...ids]) })
    .update({ lost: deps.db.command.pull(activityId) })
}
