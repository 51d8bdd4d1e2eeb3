import type { TimerJob } from '../../_lib/entry'
import type { ActivityDoc } from '../../_lib/documents'
import { readAll } from '../../_lib/read-all'
import { runDraw } from '../lottery'

/**
 * Every ten minutes: lotteries whose draw time has passed are drawn (a stuck `drawing` one is
 * resumed with its stored seed), and drawn ones whose results a cut run did not finish telling are told.
 */
export const drawDueLotteries: TimerJob = async (deps) => {
  const { db, clock } = deps
  const _ = db.command
  const due = await readAll<ActivityDoc>(db.collection('activities').where({ status: 'open', drawState: _.in(['pending', 'drawing']), drawAt: _.lte(clock.now()) }), 100, 1000)
  const untold = await readAll<ActivityDoc>(db.collection('activities').where({ drawState: 'drawn', drawTold: false }), 100, 1000)
  let drawn = 0
  for (const a of [...due, ...untold]) {
    await runDraw(deps, a)
    drawn++
  }
  return { drawn }
}
