import type { Handler } from '../../_lib/entry'
import { exportSheet } from '../../_lib/export-sheet'
import { loadGroup, requireManager } from '../groups.repo'
import { rosterPage } from '../roster'
import type { RosterEntry } from '@shared/contract'

/** The whole roster as XLSX for the group's leaders and admins (phones only where members agreed). */
export const exportRoster: Handler<'group.exportRoster'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireManager(me, g)
  const all: RosterEntry[] = []
  for (let skip = 0; ; skip += 1000) {
    const { items, total } = await rosterPage(deps, me, g.id, skip, 1000)
    all.push(...items)
    if (all.length >= total || items.length === 0) break
  }
  const { fileId, url } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: `${g.name}-成员`, sheetName: '成员' },
    [
      { header: '姓名', key: 'name', width: 12 },
      { header: '部门', key: 'department', width: 18 },
      { header: g.kind === 'department' ? '入会日期' : '加入日期', key: 'joinedAt', width: 14 },
      { header: '角色', key: 'role', width: 8 },
      { header: '手机号', key: 'phone', width: 14 },
    ],
    all.map((e) => ({ ...e, role: e.isLeader ? '组长' : '成员', phone: e.phone ?? '' })),
  )
  return { fileId, url, count: all.length }
}
