import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time under the given paths (files or folders), skipping node_modules. */
export function newestMtime(paths: string[]): number {
  let newest = 0
  const visit = (p: string) => {
    if (!existsSync(p)) return
    const stat = statSync(p)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') visit(join(p, entry))
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  paths.forEach(visit)
  return newest
}

/** True when `output` is missing or older than anything in `sources`. */
export const isStale = (output: string, sources: string[]): boolean => !existsSync(output) || statSync(output).mtimeMs < newestMtime(sources)
