import type { TimerJob } from '../../_lib/entry'
import { dueLotteries, untoldDraws } from '../activities.repo'
import { runDraw } from '../lottery'

/**
 * Every ten minutes: lotteries whose draw time has passed are drawn (a stuck `drawing` one is
 * resumed with its stored seed), and drawn ones whose results a cut run did not finish telling are told.
 */
export const drawDueLotteries: TimerJob = async (deps) => {
  const due = await dueLotteries(deps, deps.clock.now())
  const untold = await untoldDraws(deps)
  let drawn = 0
  for (const a of [...due, ...untold]) {
    await runDraw(deps, a)
    drawn++
  }
  return { drawn }
}
