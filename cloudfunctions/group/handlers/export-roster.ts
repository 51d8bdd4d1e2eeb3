import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { loadExcel } from '../../_lib/excel'
import { uploadAndLink } from '../../_lib/files'
import { loadGroup, requireManager } from '../groups.repo'
import { rosterPage } from '../roster'
import type { RosterEntry } from '@shared/contract'

/** The whole roster as XLSX for the group's leaders and admins (phones only where members agreed). */
export const exportRoster: Handler<'group.exportRoster'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireManager(me, g)
  const all: RosterEntry[] = []
  for (let skip = 0; ; skip += 1000) {
    const { items, total } = await rosterPage(deps, me, g, skip, 1000)
    all.push(...items)
    if (all.length >= total || items.length === 0) break
  }
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('成员')
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '部门', key: 'department', width: 18 },
    { header: g.kind === 'department' ? '入会日期' : '加入日期', key: 'joinedAt', width: 14 },
    { header: '角色', key: 'role', width: 8 },
    { header: '手机号', key: 'phone', width: 14 },
  ]
  for (const e of all) sheet.addRow({ ...e, role: e.isLeader ? '组长' : '成员', phone: e.phone ?? '' })
  sheet.getRow(1).font = { bold: true }
  const stamp = formatShanghai(deps.clock.now(), 'YYYYMMDD-HHmmss')
  const { url } = await uploadAndLink(`exports/${me.unionId}/${g.name}-成员-${stamp}-${deps.ids.next().slice(0, 6)}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()))
  return { url, count: all.length }
}
