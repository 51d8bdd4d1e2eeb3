import fs from 'node:fs'
import path from 'node:path'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One server per data dir: two processes appending to one journal would interleave records and
 * lose writes. The lock file holds the owner's pid; a lock left by a dead process (SIGKILL) is taken
 * over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dir: string): DataDirLock {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, 'LOCK')
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
        return new DataDirLock(file)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      const owner = Number(fs.readFileSync(file, 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new Error(`data dir ${dir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}`)
      }
      fs.rmSync(file, { force: true }) // stale: its owner is gone
    }
    throw new Error(`could not lock data dir ${dir}`)
  }

  release(): void {
    fs.rmSync(this.file, { force: true })
  }
}
