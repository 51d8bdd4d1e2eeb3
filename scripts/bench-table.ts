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
