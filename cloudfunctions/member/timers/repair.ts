import type { TimerJob } from '../../_lib/entry'
import { repairCutBinds } from '../bind-repair'
import { removeFinishedChunks } from '../import/finished-chunks'

/** Every ten minutes: binds and imports left half-done by calls that died are finished or undone. */
export const repair: TimerJob = async (deps, { timeLimitMs }) => ({
  ...(await repairCutBinds(deps, timeLimitMs)),
  ...(await removeFinishedChunks(deps)),
})
