import { Readable } from 'node:stream'
import Papa from 'papaparse'
import type { Row as ExcelRow, CellValue } from 'exceljs'
import { loadExcel } from './excel'
import { mapHeader, MAX_ROSTER_BYTES, ROSTER_TOO_LARGE, type Cell } from '@shared/domain/roster'
import { AppError, invalid } from './app-error'

/**
 * Reads an uploaded roster file (CSV or XLSX) into cells, row by row as the admin sees them:
 * `rows[i]` is spreadsheet row `i + 2`, so the row numbers checkRoster reports match the file.
 * Everything that can go wrong with the file itself is an INVALID_ARGUMENT the admin can act on.
 */

export { MAX_ROSTER_BYTES }
export const MAX_ROSTER_ROWS = 60_000
/** A title line such as "2026 年会员名册" above the header is common; look this far for the header. */
const HEADER_SEARCH_ROWS = 10
/** Columns beyond this are never roster columns; cutting them bounds memory on junk files. */
const MAX_COLUMNS = 64
/** A stray cell far below the list would otherwise make us hold a million empty rows. */
const MAX_SHEET_ROW = MAX_ROSTER_ROWS * 2

export interface RosterSheet {
  readonly header: Cell[]
  /** Spreadsheet row number of the header (usually 1). */
  readonly headerRow: number
  readonly rows: Cell[][]
}

const SAVE_AS_HINT = '请在 Excel 或 WPS 中「另存为」.xlsx 或 CSV 后再导入'
const tooManyRows = () => invalid(`名单超过 ${MAX_ROSTER_ROWS} 行，请分成几个文件分别导入`, { field: 'fileId' })

export async function readRosterFile(fileName: string, content: Buffer): Promise<RosterSheet> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (ext === 'xls') throw invalid(`暂不支持旧版 Excel（.xls）文件，${SAVE_AS_HINT}`, { field: 'fileName' })
  if (ext !== 'csv' && ext !== 'xlsx') throw invalid('只能导入 Excel（.xlsx）或 CSV（.csv）文件', { field: 'fileName' })
  if (content.length === 0) throw invalid('文件是空的，请检查后重新上传', { field: 'fileId' })
  if (content.length > MAX_ROSTER_BYTES) throw invalid(ROSTER_TOO_LARGE, { field: 'fileId' })

  const kind = sniff(content)
  if (ext === 'xlsx' && kind === 'ole') throw invalid(`这个文件是旧版 Excel（.xls）格式或设置了打开密码，${SAVE_AS_HINT}（不要加密码）`, { field: 'fileId' })
  if (ext === 'xlsx' && kind !== 'zip') throw invalid(`文件内容不是 Excel（.xlsx）格式，可能已损坏，${SAVE_AS_HINT}`, { field: 'fileId' })
  if (ext === 'csv' && kind !== 'text')
    throw invalid('这个文件的内容不是 CSV 文本（可能是改了扩展名的 Excel 文件），请直接上传 .xlsx 文件，或在 Excel 中「另存为」CSV', { field: 'fileId' })

  const all = ext === 'xlsx' ? await readXlsx(content) : readCsv(content)
  return locateHeader(all)
}

/** What the bytes are, whatever the name says: a zip (xlsx), an OLE container (xls, or an encrypted xlsx), or text. */
function sniff(content: Buffer): 'zip' | 'ole' | 'text' | 'binary' {
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip'
  if (content.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole'
  if (isUtf16Bom(content)) return 'text'
  // NUL bytes never occur in UTF-8 or GBK text.
  return content.subarray(0, 64 * 1024).includes(0) ? 'binary' : 'text'
}

const isUtf16Bom = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))

/**
 * The header is the first row that names every required column (so a title line above it is
 * fine); without one, the first non-blank row is taken and checkRoster reports what it lacks.
 * Rows above the header are handed on blank, which checkRoster skips, so the row numbers it
 * reports stay the spreadsheet's.
 */
function locateHeader(all: Cell[][]): RosterSheet {
  while (all.length && isBlank(all[all.length - 1])) all.pop()
  if (all.length === 0) throw invalid('文件里没有任何内容，请检查后重新上传', { field: 'fileId' })
  const found = all.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => !isBlank(cells) && mapHeader(cells).problems.length === 0)
  const at = found === -1 ? all.findIndex((cells) => !isBlank(cells)) : found
  const rows: Cell[][] = [...Array.from({ length: at }, () => [] as Cell[]), ...all.slice(at + 1)]
  const dataRows = rows.filter((cells) => !isBlank(cells)).length
  if (found !== -1 && dataRows === 0) throw invalid(`文件里只有表头，没有会员数据，请从第 ${at + 2} 行起每行填写一位会员`, { field: 'fileId' })
  if (dataRows > MAX_ROSTER_ROWS) throw tooManyRows()
  return { header: all[at], headerRow: at + 1, rows }
}

// —— CSV ——

/** Excel saves CSV as UTF-8 with a BOM ("CSV UTF-8"), or as GBK on Chinese Windows ("CSV"); both are read. */
export function decodeText(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return new TextDecoder('utf-8').decode(content.subarray(3))
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2))
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    // Not valid UTF-8: the other encoding a Chinese spreadsheet is saved in.
    const text = new TextDecoder('gbk').decode(content)
    if (text.includes('\uFFFD')) throw invalid('无法识别文件的文字编码，请在 Excel 中「另存为」「CSV UTF-8（逗号分隔）」后再导入', { field: 'fileId' })
    return text
  }
}

function readCsv(content: Buffer): Cell[][] {
  const parsed = Papa.parse<string[]>(decodeText(content), { skipEmptyLines: false })
  // A stray quote swallows every following line into one cell: refuse rather than misread.
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
  if (quoteError) {
    const near = typeof quoteError.row === 'number' ? `第 ${quoteError.row + 1} 行附近` : '文件中'
    throw invalid(`${near}的引号（"）不成对，无法读取，${SAVE_AS_HINT}`, { field: 'fileId' })
  }
  return parsed.data.map((cells) => cells.slice(0, MAX_COLUMNS))
}

// —— XLSX ——

interface StreamedSheet extends AsyncIterable<ExcelRow> {
  readonly name?: string
}
interface StreamedBook extends AsyncIterable<StreamedSheet> {
  readonly model?: { sheets?: { name?: string; state?: string }[] }
}

/**
 * The first visible worksheet, streamed: exceljs's WorkbookReader keeps one row at a time instead
 * of the whole workbook model, which matters for 50,000 rows in a 256 MB function.
 */
async function readXlsx(content: Buffer): Promise<Cell[][]> {
  const rows: Cell[][] = []
  let nonBlank = 0
  let sawSheet = false
  const ExcelJS = await loadExcel()
  try {
    const book = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell which numbers are dates.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as StreamedBook
    for await (const sheet of book) {
      const first = book.model?.sheets?.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')?.name
      if (first !== undefined && sheet.name !== undefined && sheet.name !== first) continue
      sawSheet = true
      for await (const row of sheet) {
        if (row.number > MAX_SHEET_ROW)
          throw invalid(`工作表第 ${row.number} 行还有内容，名单不能超过 ${MAX_ROSTER_ROWS} 行，请删除多余的行后再导入`, { field: 'fileId' })
        const cells: Cell[] = []
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col <= MAX_COLUMNS) cells[col - 1] = cellOf(cell.value, cell.numFmt)
        })
        // Streamed rows skip empty lines; place each at its own row number.
        rows[row.number - 1] = cells
        if (!isBlank(cells) && ++nonBlank > MAX_ROSTER_ROWS + 1) throw tooManyRows()
      }
      break
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw invalid(`无法读取这个 Excel 文件，可能已损坏，${SAVE_AS_HINT}`, { field: 'fileId' })
  }
  if (!sawSheet) throw invalid('这个 Excel 文件里没有工作表', { field: 'fileId' })
  for (let i = 0; i < rows.length; i++) rows[i] ??= []
  return rows
}

const DATE_FORMAT = /(^|[^"\\])[ymd]/i
const excelSerialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000))

/** A cell as the admin sees it: rich text and formulas become their text and result; dates stay dates. */
function cellOf(value: CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    // The streaming reader leaves a formula's date result as Excel's day number.
    if (typeof result === 'number' && numFmt && DATE_FORMAT.test(numFmt)) return excelSerialToDate(result)
    if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error)
    return result === undefined ? null : cellOf(result as CellValue, numFmt)
  }
  if ('error' in value) return String(value.error)
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text as CellValue, numFmt)
  return null
}
