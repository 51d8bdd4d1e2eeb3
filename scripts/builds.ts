/** Builds each target only when it is missing or older than its sources; used by start, test and bench. */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFunctions } from './build-functions'
import { isStale } from './freshness'
import { FUNCTIONS_OUT, ROOT } from './function-names'

export const H5_DIR = join(ROOT, 'dist', 'h5')
export const WEAPP_DIR = join(ROOT, 'dist', 'weapp')
const sources = (...dirs: string[]) => dirs.map((d) => join(ROOT, d))
const CLIENT_SOURCES = sources('client/src', 'client/config', 'client/babel.config.js', 'shared', 'project.config.json')

export async function ensureFunctions(): Promise<void> {
  const stamp = join(FUNCTIONS_OUT, '.built')
  if (!isStale(stamp, sources('cloudfunctions', 'shared'))) return
  console.log('正在打包云函数…')
  await buildFunctions()
  writeFileSync(stamp, new Date().toISOString())
}

/** Runs an npm script; the h5 and weapp builds can run side by side (webpack mostly uses one core). */
function npmRun(script: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', script], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited with ${code}`))))
  })
}

/** The h5 app in local mode (with the demo login switcher): for `npm start` and browser tests only. */
export async function ensureH5Local(): Promise<void> {
  const marker = join(H5_DIR, '.local-mode')
  const isLocal = existsSync(marker) && readFileSync(marker, 'utf8').trim() === '1'
  if (isLocal && !isStale(join(H5_DIR, 'index.html'), CLIENT_SOURCES)) return
  console.log('正在构建 H5 页面（首次约需一两分钟）…')
  await npmRun('build:h5', { UNION_LOCAL: '1' })
  writeFileSync(marker, '1')
}

export async function ensureWeapp(): Promise<void> {
  if (!isStale(join(WEAPP_DIR, 'app.json'), CLIENT_SOURCES)) return
  console.log('正在构建微信小程序…')
  await npmRun('build:weapp', { UNION_LOCAL: '' })
}
