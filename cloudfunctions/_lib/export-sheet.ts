import { formatShanghai } from '@shared/domain/time'
import type { Deps } from './deps'
import { loadExcel } from './excel'
import { uploadAndLink } from './files'

export interface SheetColumn {
  readonly key: string
  readonly header: string
  readonly width?: number
}

/**
 * Every export is one worksheet with a bold header row, stored under the union's exports folder
 * with a Shanghai timestamp in its name, and handed back as a 10-minute link.
 */
export async function exportSheet(
  deps: Deps,
  file: { readonly unionId: string; readonly baseName: string; readonly sheetName: string },
  columns: readonly SheetColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<{ fileId: string; url: string }> {
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(file.sheetName)
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 16 }))
  for (const row of rows) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  const stamp = formatShanghai(deps.clock.now(), 'YYYYMMDD-HHmmss')
  const cloudPath = `exports/${file.unionId}/${file.baseName}-${stamp}-${deps.ids.next().slice(0, 6)}.xlsx`
  return uploadAndLink(cloudPath, Buffer.from(await book.xlsx.writeBuffer()))
}
