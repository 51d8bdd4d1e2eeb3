import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as cloudbase from '@cloudbase/node-sdk'
import declared from '../../cloudfunctions/collections.json'
import { type CollectionsInput, type LocalCloudbase, type LocalCloudbaseOptions, startLocalCloudbase } from '../../emulator/cloudbase-server'

export type CloudbaseApp = ReturnType<typeof cloudbase.init>
export type Database = ReturnType<CloudbaseApp['database']>

export interface LocalCloudbaseFixture {
  server: LocalCloudbase
  /** `cloudbase.init({ env: SYMBOL_CURRENT_ENV })`, reaching the server through TCB_CONTEXT_CNFG like production code. */
  app: CloudbaseApp
  db: Database
  dataDir: string
  /** Stops the server, restores the environment and removes a data dir this fixture created. */
  close(): Promise<void>
}

export interface LocalCloudbaseFixtureOptions extends Partial<Omit<LocalCloudbaseOptions, 'collections'>> {
  /** Defaults to cloudfunctions/collections.json. */
  collections?: CollectionsInput
  /** Reuse a data dir (e.g. to reopen after a restart); it is then left in place on close. */
  dataDir?: string
}

/** The variables CloudBase sets in a function; node-sdk reads them on every request. */
export function platformEnv(adminUrl: string): Record<string, string> {
  return {
    TENCENTCLOUD: 'true', // no metadata-server probing
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    SILENCE: 'true', // no "slow request" warnings
  }
}

/**
 * A local CloudBase for one jest file: random port, fresh temp data dir, the platform variables
 * set so `cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV })` anywhere in the process reaches it.
 */
export async function withLocalCloudbase(options: LocalCloudbaseFixtureOptions = {}): Promise<LocalCloudbaseFixture> {
  const ownDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloudbase-'))
  const server = await startLocalCloudbase({ ...options, dataDir, collections: options.collections ?? declared })

  const env = platformEnv(server.adminUrl)
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)

  const app = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV })
  return {
    server,
    app,
    db: app.database(),
    dataDir,
    close: async () => {
      await server.close()
      // Only undo what is still ours: a later fixture may have pointed the variables elsewhere.
      if (process.env.TCB_CONTEXT_CNFG === env.TCB_CONTEXT_CNFG) {
        for (const [k, v] of Object.entries(previous)) {
          if (v === undefined) delete process.env[k]
          else process.env[k] = v
        }
      }
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
