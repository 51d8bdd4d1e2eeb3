import { MAX_ROSTER_BYTES, REQUIRED_COLUMNS, ROSTER_COLUMNS, ROSTER_FILE_NAME, ROSTER_TOO_LARGE } from '@shared/domain/roster'

/** The roster columns, in the order the template lists them. */
export const TEMPLATE_COLUMNS = ROSTER_COLUMNS
export { REQUIRED_COLUMNS }

/** A CSV the admin can fill in: the headers and one example row (BOM so Excel reads it as UTF-8). */
export function templateCsv(): string {
  const example = ['张三', '男', '办公室', 'GH2026101', '13800000000', '05-12', '2020-03-01', '在职']
  return `\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`
}

/** What is wrong with a picked file before it is uploaded, or undefined when it looks fine. */
export function checkPickedFile(name: string, size: number | undefined): string | undefined {
  if (!ROSTER_FILE_NAME.test(name)) return '请选择 .xlsx 或 .csv 格式的名单（旧版 .xls 请先在 Excel 里另存为 .xlsx）'
  if (size !== undefined && size > MAX_ROSTER_BYTES) return ROSTER_TOO_LARGE
  if (size === 0) return '这个文件是空的，请重新选择'
  return undefined
}
