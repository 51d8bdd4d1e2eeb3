import { checkRoster, mapHeader, type Cell, type RosterProblem } from '@shared/domain/roster'
import type { RosterSheet } from '../../_lib/roster-file'
import type { CheckedRow } from './import-docs'

export interface CheckedRows {
  readonly rows: CheckedRow[]
  readonly problems: RosterProblem[]
  /** Data rows in the file, valid or not. */
  readonly total: number
}

const filled = (cell: Cell) => cell !== null && cell !== undefined && String(cell).trim() !== ''

/**
 * checkRoster's verdict, plus the one thing it cannot say: whether 状态 was actually written.
 * checkRoster reads a blank 状态 as 在职, right for a new member but wrong for a retired one whose
 * row simply leaves the column empty.
 */
export function checkImportRows(sheet: RosterSheet): CheckedRows {
  const { rows, problems } = checkRoster(sheet.header, sheet.rows)
  const statusAt = mapHeader(sheet.header).index['状态']
  const badRows = new Set(problems.filter((p) => p.column !== '表头').map((p) => p.row))
  const headerBroken = problems.some((p) => p.column === '表头')
  const total = headerBroken ? sheet.rows.filter((cells) => cells.some(filled)).length : rows.length + badRows.size
  return {
    total,
    // checkRoster takes the header to be row 1.
    problems: problems.map((p) => (p.column === '表头' ? { ...p, row: sheet.headerRow } : p)),
    rows: rows.map(({ row, status, ...fields }) => {
      const statusGiven = statusAt !== undefined && filled(sheet.rows[row - 2]?.[statusAt])
      return { ...fields, status: statusGiven ? status : '' }
    }),
  }
}
