/**
 * Child process for durability.test.ts: starts a local CloudBase on the given data dir and writes
 * through node-sdk forever, printing one line per ACKNOWLEDGED write. The test SIGKILLs it
 * mid-stream and checks every printed write survived.
 *
 *   node --import tsx test/emulator/durability-writer.ts <dataDir>
 *
 * Lines: `add <id>`, `del <id>`, `inc <value after>`.
 */
import * as cloudbase from '@cloudbase/node-sdk'
import { startLocalCloudbase } from '../../emulator/cloudbase-server'
import { platformEnv } from '../support/local-cloudbase'
import { TEST_COLLECTIONS } from './fixtures'

const WORKERS = 8

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: durability-writer.ts <dataDir>')
  // A small journal limit so compactions happen while the test kills us too.
  const server = await startLocalCloudbase({ dataDir, collections: TEST_COLLECTIONS, journal: { maxLines: 150 } })
  Object.assign(process.env, platformEnv(server.adminUrl))
  const db = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV }).database()
  const _ = db.command
  await db.collection('counters').doc('c').set({ n: 0 })
  process.stdout.write('ready\n')

  const worker = async (w: number): Promise<never> => {
    for (let i = 0; ; i++) {
      const id = `w${w}-${i}`
      await db.collection('items').add({ _id: id, w, i, payload: 'x'.repeat(200 + ((w * 31 + i) % 300)), at: new Date() })
      process.stdout.write(`add ${id}\n`)
      if (i % 5 === 4) {
        const { doc } = await db
          .collection('counters')
          .where({ _id: 'c' })
          .updateAndReturn({ n: _.inc(1) })
        process.stdout.write(`inc ${(doc as { n: number }).n}\n`)
      }
      if (i % 7 === 6) {
        const victim = `w${w}-${i - 3}`
        const { deleted } = await db.collection('items').doc(victim).remove()
        if (deleted === 1) process.stdout.write(`del ${victim}\n`)
      }
    }
  }
  await Promise.all(Array.from({ length: WORKERS }, (_v, w) => worker(w)))
}

main().catch((e) => {
  process.stderr.write(`durability-writer failed: ${(e as Error).stack}\n`)
  process.exit(1)
})
