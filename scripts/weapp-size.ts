/**
 * The weapp main package's size, as the weapp test and the bench count it: every file of the build
 * outside the subpackage roots app.json declares. `npx tsx scripts/weapp-size.ts [dir]` (default
 * dist/weapp) prints the total and the largest parts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]))

export function mainPackageBytes(dir: string): { total: number; parts: Array<{ path: string; bytes: number }> } {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const parts = files(dir)
    .map((f) => ({ path: relative(dir, f).split(sep).join('/'), bytes: statSync(f).size }))
    .filter((f) => !roots.some((r) => f.path.startsWith(r)))
  return { total: parts.reduce((n, f) => n + f.bytes, 0), parts: parts.sort((a, b) => b.bytes - a.bytes) }
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, '..', 'dist', 'weapp')
  const { total, parts } = mainPackageBytes(dir)
  console.log(`weapp main package: ${(total / 1024).toFixed(1)} KB (${total} bytes)`)
  for (const p of parts.slice(0, 12)) console.log(`  ${(p.bytes / 1024).toFixed(1).padStart(7)} KB  ${p.path}`)
}
