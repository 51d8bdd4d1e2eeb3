/**
 * `npm start`: builds what is missing or stale, starts the local CloudBase, the function runner and
 * the h5 app on one port, seeds the demo union on first run, and prints the address.
 */
import { join } from 'node:path'
import { ensureFunctions, ensureH5Local, H5_DIR } from './builds'
import { FUNCTIONS_OUT, ROOT } from './function-names'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import { runTimers, timerTriggers } from '../emulator/app-host/timers'

async function main() {
  await ensureFunctions()
  await ensureH5Local()
  const server = await startDevServer({
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: join(ROOT, process.env.DATA_DIR ?? '.data'),
    h5Dir: H5_DIR,
    resolveFunction: bundledFunctions(FUNCTIONS_OUT),
    seed: true,
  })
  // Reminders, lottery draws and other scheduled jobs run as they would on CloudBase.
  runTimers(timerTriggers(join(ROOT, 'cloudbaserc.json')), bundledFunctions(FUNCTIONS_OUT))
  console.log(`\n工会小程序本地版已启动：${server.url}/\n在浏览器中打开，点「以…身份登录」切换演示账号。按 Ctrl+C 停止。\n`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
