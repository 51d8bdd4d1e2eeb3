import { BENEFIT_KIND_LABELS, voucherState, type VoucherState } from '@shared/domain/benefits'
import { formatYuan } from '@shared/domain/money'
import { formatShanghai } from '@shared/domain/time'
import type { VoucherRow } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { escapeRegExp } from '../../_lib/db-errors'
import { exportSheet } from '../../_lib/export-sheet'
import { loadCampaign } from '../campaigns.repo'
import { campaignVoucherPage, campaignVouchers, type VoucherDoc } from '../vouchers.repo'

export const STATE_TEXT: Readonly<Record<VoucherState, string>> = {
  choose: '待选择',
  ready: '可使用',
  upcoming: '未到兑换时间',
  used: '已使用',
  expired: '已过期',
}

const row = (v: VoucherDoc, now: Date): VoucherRow => ({
  id: v._id,
  memberName: v.memberName,
  department: v.departmentName,
  optionName: v.optionName,
  state: voucherState(v, now),
  redeemed: v.redemption
    ? { at: v.redemption.at.toISOString(), pointName: v.redemption.pointName, by: v.redemption.byName, proxyReason: v.redemption.proxyReason }
    : null,
})

/** The office finds a member's voucher (for 代领 or a question at the counter). */
export const listVouchers: Handler<'benefit.vouchers'> = async ({ deps, me, input }) => {
  const c = await loadCampaign(deps, me, input.id)
  const { docs, total } = await campaignVoucherPage(deps, c._id, input.search, input.page, input.pageSize, escapeRegExp)
  const now = deps.clock.now()
  return { items: docs.map((v) => row(v, now)), total, page: input.page, pageSize: input.pageSize }
}

export const exportCampaign: Handler<'benefit.export'> = async ({ deps, me, input }) => {
  const c = await loadCampaign(deps, me, input.id)
  const vouchers = await campaignVouchers(deps, c._id)
  const now = deps.clock.now()
  const { url } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: `${c.name}-发放明细`, sheetName: '发放明细' },
    [
      { key: 'name', header: '姓名' },
      { key: 'department', header: '部门' },
      { key: 'kind', header: '类型' },
      { key: 'value', header: '面值（元）' },
      { key: 'option', header: '礼品', width: 24 },
      { key: 'state', header: '状态' },
      { key: 'at', header: '使用时间', width: 20 },
      { key: 'point', header: '兑换点', width: 20 },
      { key: 'by', header: '核销人' },
      { key: 'proxy', header: '代领原因', width: 24 },
    ],
    vouchers.map((v) => ({
      name: v.memberName,
      department: v.departmentName,
      kind: BENEFIT_KIND_LABELS[v.kind],
      value: formatYuan(v.faceValue),
      option: v.optionName ?? '',
      state: STATE_TEXT[voucherState(v, now)],
      at: v.redemption ? formatShanghai(v.redemption.at) : '',
      point: v.redemption?.pointName ?? '',
      by: v.redemption?.byName ?? '',
      proxy: v.redemption?.proxyReason ?? '',
    })),
  )
  return { url, count: vouchers.length }
}
