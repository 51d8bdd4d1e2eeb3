import { formatShanghai } from '@shared/domain/time'
import type { Deps } from './deps'
import { loadExcel } from './excel'
import { uploadAndLink } from './files'

export interface SheetColumn {
  readonly key: string
  readonly header: string
  readonly width?: number
}

export interface ExtraSheet {
  readonly sheetName: string
  readonly columns: readonly SheetColumn[]
  readonly rows: readonly Record<string, unknown>[]
}

/**
 * Every export is a worksheet with a bold header row (more sheets may follow), stored under the
 * union's exports folder with a Shanghai timestamp in its name, and handed back as a 10-minute link.
 */
export async function exportSheet(
  deps: Deps,
  file: { readonly unionId: string; readonly baseName: string; readonly sheetName: string },
  columns: readonly SheetColumn[],
  rows: readonly Record<string, unknown>[],
  ...more: readonly ExtraSheet[]
): Promise<{ fileId: string; url: string }> {
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  for (const part of [{ sheetName: file.sheetName, columns, rows }, ...more]) {
    const sheet = book.addWorksheet(part.sheetName)
    sheet.columns = part.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 16 }))
    for (const row of part.rows) sheet.addRow(row)
    sheet.getRow(1).font = { bold: true }
  }
  const stamp = formatShanghai(deps.clock.now(), 'YYYYMMDD-HHmmss')
  const cloudPath = `exports/${file.unionId}/${file.baseName}-${stamp}-${deps.ids.next().slice(0, 6)}.xlsx`
  return uploadAndLink(cloudPath, Buffer.from(await book.xlsx.writeBuffer()))
}
