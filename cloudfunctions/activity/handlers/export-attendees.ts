import { ATTENDEE_COLUMNS } from '@shared/contract'
import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { forbidden, invalid } from '../../_lib/app-error'
import { exportSheet } from '../../_lib/export-sheet'
import { loadActivity, managesActivity } from '../activities.repo'
import { forExport } from '../signups.repo'

const STATUS_TEXT = { confirmed: '已报名', waiting: '排队中', entered: '参加抽签' } as const

export const exportAttendees: Handler<'activity.export'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以导出名单')
  const labels: Record<string, string> = { ...ATTENDEE_COLUMNS, ...Object.fromEntries(a.fields.map((f) => [f.key, f.label])) }
  const unknown = input.columns.find((c) => !(c in labels))
  if (unknown) throw invalid(`没有「${unknown}」这一列`, { field: 'columns' })
  const rows = await forExport(deps, a._id)
  const { url, fileId } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: `${a.title}-报名名单`, sheetName: '报名名单' },
    input.columns.map((key) => ({ key, header: labels[key] })),
    rows.map((s) => ({
      name: s.memberName,
      department: s.departmentName,
      status: STATUS_TEXT[s.status as keyof typeof STATUS_TEXT],
      signedAt: formatShanghai(s.signedAt),
      checkedInAt: s.checkedInAt ? formatShanghai(s.checkedInAt) : '',
      ...Object.fromEntries(a.fields.map((f) => [f.key, answerText(s.answers[f.key])])),
    })),
  )
  return { url, fileId, count: rows.length }
}

const answerText = (v: unknown): unknown => (Array.isArray(v) ? v.join('、') : (v ?? ''))
