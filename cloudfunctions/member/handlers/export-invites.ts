import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import type { InviteDoc } from '../../_lib/documents'
import { readAll } from '../../_lib/read-all'
import { uploadAndLink } from '../../_lib/files'
import { toInviteView } from './list-invites'
import { loadExcel } from '../../_lib/excel'

/** The unused, valid codes as a spreadsheet the union office prints or forwards, behind a 10-minute link. */
export const exportInvites: Handler<'member.exportInvites'> = async ({ deps, me }) => {
  const { db, clock } = deps
  const now = clock.now()
  const invites = await readAll<InviteDoc>(db.collection('invites').where({ unionId: me.unionId, usedAt: null, expiresAt: db.command.gt(now) }).orderBy('memberNo', 'asc'))
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('邀请码')
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '部门', key: 'department', width: 18 },
    { header: '会员编号', key: 'memberNo', width: 14 },
    { header: '邀请码', key: 'code', width: 14 },
    { header: '有效期至', key: 'expiresAt', width: 14 },
  ]
  for (const invite of invites) sheet.addRow({ ...toInviteView(invite), memberNo: invite.memberNo })
  sheet.getRow(1).font = { bold: true }
  const content = Buffer.from(await book.xlsx.writeBuffer())
  const stamp = formatShanghai(now, 'YYYYMMDD-HHmmss')
  const { fileId, url } = await uploadAndLink(`exports/${me.unionId}/邀请码-${stamp}-${deps.ids.next().slice(0, 6)}.xlsx`, content)
  return { fileId, url, count: invites.length }
}
