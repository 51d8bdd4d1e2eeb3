/** Prints rows as an aligned text table (CJK characters count double, as terminals draw them). */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)))

export function printTable(title: string, headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))))
  const line = (r: string[]) => `| ${r.map((c, i) => pad(c ?? '', widths[i])).join(' | ')} |`
  console.log(`\n${title}`)
  console.log(line(cells[0]))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  cells.slice(1).forEach((r) => console.log(line(r)))
}

export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Runs `work` with the functions' log level set (their loggers read it per call), then puts it back. */
export async function withLogLevel<T>(level: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env.LOG_LEVEL
  process.env.LOG_LEVEL = level
  try {
    return await work()
  } finally {
    if (previous === undefined) delete process.env.LOG_LEVEL
    else process.env.LOG_LEVEL = previous
  }
}

type Resolve = (name: string) => ((event: unknown, context: unknown) => Promise<unknown>) | undefined

/**
 * A bench table run on its own (`npx tsx scripts/bench-<x>.ts`): on the deployable bundles, or with
 * `--source` on the functions' TypeScript as it is (no bundle), as the function tests run them.
 */
export function runBenchScript(bench: (resolve?: Resolve) => Promise<unknown>): void {
  process.env.LOG_LEVEL ??= 'warn'
  const run = async () => {
    if (process.argv.includes('--source')) {
      const { sourceFunctions } = await import('../emulator/app-host/source-functions')
      await bench(sourceFunctions)
    } else {
      const { ensureFunctions } = await import('./builds')
      await ensureFunctions()
      await bench()
    }
  }
  run().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
