import type { TimerJob } from '../../_lib/entry'
import type { UnionDoc } from '../../_lib/documents'
import { sealLedger } from '../../_lib/ledger'
import { readAll } from '../../_lib/read-all'

/** Hourly: every union's new ledger entries go into its audit chain. */
export const sealAll: TimerJob = async (deps) => {
  const unions = await readAll<UnionDoc>(deps.db.collection('unions').field({ _id: true }))
  let sealed = 0
  for (const u of unions) sealed += await sealLedger(deps, u._id)
  return { unions: unions.length, sealed }
}
