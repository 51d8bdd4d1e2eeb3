import { ROSTER_COLUMNS } from '@shared/domain/roster'

/** The roster columns, in the order the template lists them. */
export const TEMPLATE_COLUMNS = ROSTER_COLUMNS
export const REQUIRED_COLUMNS = ['姓名', '部门', '会员编号'] as const

/** A CSV the admin can fill in: the headers and one example row (BOM so Excel reads it as UTF-8). */
export function templateCsv(): string {
  const example = ['张三', '男', '办公室', 'GH2026101', '13800000000', '05-12', '2020-03-01', '在职']
  return `\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024

/** What is wrong with a picked file before it is uploaded, or undefined when it looks fine. */
export function checkPickedFile(name: string, size: number | undefined): string | undefined {
  if (!/\.(csv|xlsx)$/i.test(name)) return '请选择 .xlsx 或 .csv 格式的名单（旧版 .xls 请先在 Excel 里另存为 .xlsx）'
  if (size !== undefined && size > MAX_FILE_BYTES) return '文件太大了，不能超过 10 MB'
  if (size === 0) return '这个文件是空的，请重新选择'
  return undefined
}
