import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { platformEnv } from './local-cloudbase'

export interface AppProcess {
  readonly url: string
  readonly child: ChildProcess
  call(name: string, data: unknown, openid: string): Promise<{ status: number; body: any }>
  /** SIGKILL: no clean shutdown, whatever was in flight is cut. */
  kill(): Promise<void>
}

/** Starts test/support/serve-app.ts on `dataDir` and points this process's SDK at it. */
export async function startAppProcess(dataDir: string, timeLimitMs: number): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'serve-app.ts'), dataDir, String(timeLimitMs)], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /READY (\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`serve-app exited with ${code} before it was ready`)))
  })
  Object.assign(process.env, platformEnv(`${url}/admin`))
  const call = async (name: string, data: unknown, openid: string) => {
    const [fn, action] = name.split('.')
    const res = await fetch(`${url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': openid },
      body: JSON.stringify({ action, data }),
    })
    return { status: res.status, body: await res.json() }
  }
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
  return { url, child, call, kill }
}
