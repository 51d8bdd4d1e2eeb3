/**
 * The whole local platform (source functions, demo union) in a process of its own, so a test can
 * kill it with SIGKILL mid-storm and start it again on the same data: `serve-app.ts <dataDir> <timeLimitMs>`.
 * Prints `READY <url>` once it answers.
 */
import { startDevServer } from '../../emulator/app-host/dev-server'
import { sourceFunctions } from './app-server'

async function main() {
  const [dataDir, limit] = process.argv.slice(2)
  const timeLimitMs = Number(limit)
  const server = await startDevServer({
    port: 0,
    dataDir,
    resolveFunction: sourceFunctions,
    seed: true,
    crashInjection: true,
    timeoutMs: Number.isFinite(timeLimitMs) && timeLimitMs > 0 ? () => timeLimitMs : undefined,
  })
  process.stdout.write(`READY ${server.url}\n`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
