/**
 * `npm start`: builds what is missing or stale, starts the local CloudBase, the function runner and
 * the h5 app on one port, seeds the demo union on first run, and prints the address.
 */
import { execSync } from 'node:child_process'
import { join } from 'node:path'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { buildFunctions } from './build-functions'
import { isStale } from './freshness'
import { FUNCTIONS_OUT, ROOT } from './function-names'
import { bundledFunctions, startDevServer } from '../emulator/dev-server'

const H5_DIR = join(ROOT, 'dist', 'h5')
const sources = (...dirs: string[]) => dirs.map((d) => join(ROOT, d))

async function main() {
  const port = Number(process.env.PORT ?? 8787)
  if (isStale(join(FUNCTIONS_OUT, '.built'), sources('cloudfunctions', 'shared'))) {
    console.log('正在打包云函数…')
    await buildFunctions()
    writeFileSync(join(FUNCTIONS_OUT, '.built'), new Date().toISOString())
  }
  const localBuild = existsSync(join(H5_DIR, '.local-mode')) && readFileSync(join(H5_DIR, '.local-mode'), 'utf8').trim() === '1'
  if (!localBuild || isStale(join(H5_DIR, 'index.html'), sources('client/src', 'client/config', 'shared'))) {
    console.log('正在构建 H5 页面（首次约需一两分钟）…')
    execSync('npm run build:h5', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, UNION_LOCAL: '1' } })
    writeFileSync(join(H5_DIR, '.local-mode'), '1')
  }
  const server = await startDevServer({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: join(ROOT, process.env.DATA_DIR ?? '.data'),
    h5Dir: H5_DIR,
    resolveFunction: bundledFunctions(FUNCTIONS_OUT),
    seed: true,
  })
  console.log(`\n工会小程序本地版已启动：${server.url}/\n在浏览器中打开，点右下角「以…身份登录」切换演示账号。按 Ctrl+C 停止。\n`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
