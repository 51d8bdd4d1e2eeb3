/**
 * The roster file an admin imports (CSV or XLSX with Chinese headers), checked row by row.
 * Pure: the function that reads the file hands over cell values; this decides what each row means
 * and words every problem in Chinese with its row number and column.
 */

import { isCalendarDate, isMonthDay } from './calendar'
import { textLength } from './text'
import { MAX_MEMBER_NO_LENGTH, MAX_NAME_LENGTH, MEMBER_NO_PATTERN, MOBILE_PATTERN } from './member-facts'

export const ROSTER_COLUMNS = ['姓名', '性别', '部门', '会员编号', '手机号', '生日', '入会日期', '状态'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]
export const REQUIRED_COLUMNS = ['姓名', '部门', '会员编号'] as const satisfies readonly RosterColumn[]
const REQUIRED: readonly RosterColumn[] = REQUIRED_COLUMNS

/** A roster file as the admin may upload it: the import page says so before uploading, the function refuses others. */
export const ROSTER_FILE_NAME = /\.(csv|xlsx)$/i
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024
export const ROSTER_TOO_LARGE = `文件太大了，不能超过 ${MAX_ROSTER_BYTES / 1024 / 1024} MB`

export const MEMBER_STATUSES = ['在职', '退休', '离会'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export interface RosterRow {
  /** 1-based row number as the admin sees it in the spreadsheet (the header is row 1). */
  readonly row: number
  readonly name: string
  readonly gender: '男' | '女' | ''
  readonly department: string
  readonly memberNo: string
  readonly phone: string
  /** "MM-DD"; the year is not kept. */
  readonly birthday: string
  /** "YYYY-MM-DD" */
  readonly joinDate: string
  /** '' when the cell is blank: a new member starts 在职, an existing member keeps their status. */
  readonly status: MemberStatus | ''
}

export interface RosterProblem {
  readonly row: number
  readonly column: RosterColumn | '表头'
  readonly message: string
}

export type Cell = string | number | Date | null | undefined

export interface RosterCheck {
  readonly rows: RosterRow[]
  readonly problems: RosterProblem[]
}

/** Maps header cells to columns; a missing required column is one problem for the whole file. */
export function mapHeader(header: readonly Cell[]): { index: Partial<Record<RosterColumn, number>>; problems: RosterProblem[] } {
  const index: Partial<Record<RosterColumn, number>> = {}
  header.forEach((cell, i) => {
    const name = text(cell).replace(/\s+/g, '') as RosterColumn
    if ((ROSTER_COLUMNS as readonly string[]).includes(name) && index[name] === undefined) index[name] = i
  })
  const problems = REQUIRED.filter((c) => index[c] === undefined).map((c) => ({ row: 1, column: '表头' as const, message: `缺少「${c}」列` }))
  return { index, problems }
}

/** Checks every data row; rows with a problem are left out of `rows`. Duplicate 会员编号 in the file are flagged on each later row. */
export function checkRoster(header: readonly Cell[], dataRows: readonly (readonly Cell[])[]): RosterCheck {
  const { index, problems } = mapHeader(header)
  if (problems.length) return { rows: [], problems }
  const rows: RosterRow[] = []
  const firstRowOf = new Map<string, number>()
  dataRows.forEach((cells, i) => {
    const rowNo = i + 2
    const get = (c: RosterColumn) => (index[c] === undefined ? undefined : cells[index[c]!])
    if (ROSTER_COLUMNS.every((c) => text(get(c)) === '')) return // blank line
    const result = checkRow(rowNo, get)
    if ('problems' in result) {
      problems.push(...result.problems)
      return
    }
    const seen = firstRowOf.get(result.memberNo)
    if (seen !== undefined) {
      problems.push({ row: rowNo, column: '会员编号', message: `会员编号 ${result.memberNo} 与第 ${seen} 行重复` })
      return
    }
    firstRowOf.set(result.memberNo, rowNo)
    rows.push(result)
  })
  return { rows, problems }
}

function checkRow(row: number, get: (c: RosterColumn) => Cell): RosterRow | { problems: RosterProblem[] } {
  const problems: RosterProblem[] = []
  const bad = (column: RosterColumn, message: string) => problems.push({ row, column, message })

  const name = text(get('姓名'))
  if (!name) bad('姓名', '姓名不能为空')
  else if (textLength(name) > MAX_NAME_LENGTH) bad('姓名', `姓名不能超过 ${MAX_NAME_LENGTH} 个字`)

  const genderText = text(get('性别'))
  const gender = genderText === '' ? '' : genderText === '男' || genderText === '女' ? genderText : null
  if (gender === null) bad('性别', `性别应为「男」或「女」，不是「${genderText}」`)

  const department = text(get('部门'))
  if (!department) bad('部门', '部门不能为空')
  else if (textLength(department) > 30) bad('部门', '部门名称不能超过 30 个字')

  const memberNo = text(get('会员编号'))
  if (!memberNo) bad('会员编号', '会员编号不能为空')
  else if (textLength(memberNo) > MAX_MEMBER_NO_LENGTH || !MEMBER_NO_PATTERN.test(memberNo))
    bad('会员编号', `会员编号只能包含字母、数字和短横线，最多 ${MAX_MEMBER_NO_LENGTH} 位`)

  const phone = text(get('手机号')).replace(/[\s-]/g, '')
  if (phone && !MOBILE_PATTERN.test(phone)) bad('手机号', `手机号应为 11 位数字，不是「${text(get('手机号'))}」`)

  const birthdayCell = get('生日')
  const birthday = birthdayCell === undefined || text(birthdayCell) === '' ? '' : parseMonthDay(birthdayCell)
  if (birthday === null) bad('生日', `生日看不懂：「${text(birthdayCell)}」，请写成 5月12日 或 05-12`)

  const joinCell = get('入会日期')
  const joinDate = joinCell === undefined || text(joinCell) === '' ? '' : parseDate(joinCell)
  if (joinDate === null) bad('入会日期', `入会日期看不懂：「${text(joinCell)}」，请写成 2020-03-01`)

  const statusText = text(get('状态'))
  const status = statusText === '' || (MEMBER_STATUSES as readonly string[]).includes(statusText) ? (statusText as MemberStatus | '') : null
  if (status === null) bad('状态', `状态应为 在职、退休 或 离会，不是「${statusText}」`)

  if (problems.length) return { problems }
  return {
    row,
    name,
    gender: gender as RosterRow['gender'],
    department,
    memberNo,
    phone,
    birthday: birthday as string,
    joinDate: joinDate as string,
    status: status as MemberStatus | '',
  }
}

const text = (cell: Cell): string => {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Birthdays: "5月12日", "05-12", "5/12", "1990-05-12", or a spreadsheet date; only month and day are kept. */
export function parseMonthDay(cell: Cell): string | null {
  if (cell instanceof Date) return isNaN(cell.getTime()) ? null : `${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`
  const s = text(cell)
  const m = /^(?:\d{4}[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)
  if (!m) return null
  const monthDay = `${pad(Number(m[1]))}-${pad(Number(m[2]))}`
  return isMonthDay(monthDay) ? monthDay : null
}

/** Dates: "2020-03-01", "2020/3/1", "2020年3月1日", or a spreadsheet date (its calendar day as written). */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10)
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text(cell))
  if (!m) return null
  const date = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`
  return isCalendarDate(date) ? date : null
}
