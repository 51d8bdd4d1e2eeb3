import type { Handler } from '../../_lib/entry'
import { exportSheet } from '../../_lib/export-sheet'
import { openInvites, toInviteView } from '../invites.repo'

/** The unused, valid codes as a spreadsheet the union office prints or forwards, behind a 10-minute link. */
export const exportInvites: Handler<'member.exportInvites'> = async ({ deps, me }) => {
  const invites = await openInvites(deps, me.unionId, deps.clock.now())
  const { fileId, url } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: '邀请码', sheetName: '邀请码' },
    [
      { header: '姓名', key: 'name', width: 12 },
      { header: '部门', key: 'department', width: 18 },
      { header: '会员编号', key: 'memberNo', width: 14 },
      { header: '邀请码', key: 'code', width: 14 },
      { header: '有效期至', key: 'expiresAt', width: 14 },
    ],
    invites.map((invite) => ({ ...toInviteView(invite), memberNo: invite.memberNo })),
  )
  return { fileId, url, count: invites.length }
}
