import { checkRoster, type Cell, type RosterProblem } from '@shared/domain/roster'
import type { RosterSheet } from '../../_lib/roster-file'
import type { CheckedRow } from './import-docs'

export interface CheckedRows {
  readonly rows: CheckedRow[]
  readonly problems: RosterProblem[]
  /** Data rows in the file, valid or not. */
  readonly total: number
}

const filled = (cell: Cell) => cell !== null && cell !== undefined && String(cell).trim() !== ''

/** checkRoster's verdict on a sheet, with the file's own header row and the count of data rows. */
export function checkImportRows(sheet: RosterSheet): CheckedRows {
  const { rows, problems } = checkRoster(sheet.header, sheet.rows)
  const badRows = new Set(problems.filter((p) => p.column !== '表头').map((p) => p.row))
  const headerBroken = problems.some((p) => p.column === '表头')
  const total = headerBroken ? sheet.rows.filter((cells) => cells.some(filled)).length : rows.length + badRows.size
  return {
    total,
    // checkRoster takes the header to be row 1.
    problems: problems.map((p) => (p.column === '表头' ? { ...p, row: sheet.headerRow } : p)),
    rows: rows.map(({ row: _row, ...fields }) => fields),
  }
}
