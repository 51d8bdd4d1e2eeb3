import { ATTENDEE_COLUMNS } from '@shared/contract'
import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { forbidden, invalid } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { loadExcel } from '../../_lib/excel'
import { uploadAndLink } from '../../_lib/files'
import { readAll } from '../../_lib/read-all'
import { loadActivity, managesActivity } from '../activities.repo'

const STATUS_TEXT = { confirmed: '已报名', waiting: '排队中' } as const

export const exportAttendees: Handler<'activity.export'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以导出名单')
  const labels: Record<string, string> = { ...ATTENDEE_COLUMNS, ...Object.fromEntries(a.fields.map((f) => [f.key, f.label])) }
  const unknown = input.columns.find((c) => !(c in labels))
  if (unknown) throw invalid(`没有「${unknown}」这一列`, { field: 'columns' })
  const rows = await readAll<SignupDoc>(deps.db.collection('signups').where({ activityId: a._id, status: deps.db.command.in(['confirmed', 'waiting']) }).orderBy('status', 'asc').orderBy('seq', 'asc').orderBy('signedAt', 'asc'))
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('报名名单')
  sheet.columns = input.columns.map((key) => ({ header: labels[key], key, width: 16 }))
  for (const s of rows) {
    const cells: Record<string, unknown> = {
      name: s.memberName,
      department: s.departmentName,
      status: STATUS_TEXT[s.status as keyof typeof STATUS_TEXT],
      signedAt: formatShanghai(s.signedAt),
      checkedInAt: s.checkedInAt ? formatShanghai(s.checkedInAt) : '',
    }
    for (const f of a.fields) {
      const v = s.answers[f.key]
      cells[f.key] = Array.isArray(v) ? v.join('、') : (v ?? '')
    }
    sheet.addRow(cells)
  }
  sheet.getRow(1).font = { bold: true }
  const stamp = formatShanghai(deps.clock.now(), 'YYYYMMDD-HHmmss')
  const { url } = await uploadAndLink(`exports/${me.unionId}/${a.title}-报名名单-${stamp}-${deps.ids.next().slice(0, 6)}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()))
  return { url, count: rows.length }
}
