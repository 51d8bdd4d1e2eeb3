import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Sets the process environment the way CloudBase sets it for a function: node-sdk finds the
 * database through TCB_CONTEXT_CNFG.URL and never probes a metadata host (TENCENTCLOUD=true).
 * Production code is unchanged; only this local platform knows the URL.
 */
export function applyPlatformEnv(adminUrl: string, secrets: Record<string, string>): void {
  process.env.TENCENTCLOUD = 'true'
  process.env.TENCENTCLOUD_SECRETID = 'local'
  process.env.TENCENTCLOUD_SECRETKEY = 'local'
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: adminUrl })
  process.env.SILENCE = 'true'
  for (const [key, value] of Object.entries(secrets)) process.env[key] = value
}

/** Local secrets are made once per data folder and kept there, never in the repository. */
export function localSecrets(file: string): Record<string, string> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const secrets = { UNION_CODE_SECRET: randomBytes(32).toString('hex') }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
