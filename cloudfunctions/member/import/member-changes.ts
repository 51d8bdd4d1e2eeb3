import type { CheckedRow } from './import-docs'
import { memberIdFor } from './stable-ids'

/** The member fields an import compares and writes: all it reads of existing members. */
export const IMPORTED_FIELDS = ['name', 'gender', 'departmentId', 'departmentName', 'phone', 'birthday', 'joinDate', 'status'] as const
type ImportedField = (typeof IMPORTED_FIELDS)[number]

export type ExistingMember = { readonly _id: string; readonly memberNo: string } & Partial<Record<ImportedField, string>>
export type MemberChanges = Partial<Record<ImportedField, string>>

export interface Department {
  readonly id: string
  readonly name: string
}

/** `field()` projection for reading existing members. */
export const EXISTING_PROJECTION = Object.fromEntries(['memberNo', ...IMPORTED_FIELDS].map((f) => [f, true]))

const valuesOf = (row: CheckedRow, dept: Department): Record<ImportedField, string> => ({
  name: row.name,
  gender: row.gender,
  departmentId: dept.id,
  departmentName: dept.name,
  phone: row.phone,
  birthday: row.birthday,
  joinDate: row.joinDate,
  status: row.status,
})

/** What the row changes on an existing member, or null; values the file leaves blank are not changes. */
export function changesFor(current: ExistingMember, row: CheckedRow, dept: Department): MemberChanges | null {
  const changes: MemberChanges = {}
  let any = false
  for (const [field, value] of Object.entries(valuesOf(row, dept)) as [ImportedField, string][]) {
    if (value !== '' && current[field] !== value) {
      changes[field] = value
      any = true
    }
  }
  return any ? changes : null
}

/** A new member from a row; 生日 and 入会日期 are left out when the file has none, as elsewhere. */
export function newMember(unionId: string, row: CheckedRow, dept: Department, now: Date) {
  const { birthday, joinDate, ...fields } = valuesOf(row, dept)
  return {
    _id: memberIdFor(unionId, row.memberNo),
    unionId,
    memberNo: row.memberNo,
    ...fields,
    status: row.status || '在职',
    ...(birthday ? { birthday } : {}),
    ...(joinDate ? { joinDate } : {}),
    createdAt: now,
    updatedAt: now,
  }
}
