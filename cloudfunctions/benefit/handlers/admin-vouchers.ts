import { BENEFIT_KIND_LABELS, voucherState, type VoucherState } from '@shared/domain/benefits'
import { formatYuan } from '@shared/domain/money'
import { formatShanghai } from '@shared/domain/time'
import type { VoucherRow } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { escapeRegExp } from '../../_lib/db-errors'
import type { VoucherDoc } from '../../_lib/documents'
import { exportSheet } from '../../_lib/export-sheet'
import { readAll } from '../../_lib/read-all'
import { loadCampaign } from '../vouchers.repo'

export const STATE_TEXT: Readonly<Record<VoucherState, string>> = { choose: '待选择', ready: '可使用', upcoming: '未到兑换时间', used: '已使用', expired: '已过期' }

const row = (v: VoucherDoc, now: Date): VoucherRow => ({
  id: v._id,
  memberName: v.memberName,
  department: v.departmentName,
  optionName: v.optionName,
  state: voucherState(v, now),
  redeemed: v.redemption ? { at: v.redemption.at.toISOString(), pointName: v.redemption.pointName, by: v.redemption.byName, proxyReason: v.redemption.proxyReason } : null,
})

/** The office finds a member's voucher (for 代领 or a question at the counter). */
export const listVouchers: Handler<'benefit.vouchers'> = async ({ deps, me, input }) => {
  const { db } = deps
  const c = await loadCampaign(deps, me, input.id)
  const query = db.collection('vouchers').where({ campaignId: c._id, ...(input.search ? { memberName: db.RegExp({ regexp: escapeRegExp(input.search) }) } : {}) })
  const [page, count] = await Promise.all([query.orderBy('departmentId', 'asc').orderBy('memberName', 'asc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).get(), query.count()])
  const now = deps.clock.now()
  return { items: (page.data as VoucherDoc[]).map((v) => row(v, now)), total: count.total, page: input.page, pageSize: input.pageSize }
}

export const exportCampaign: Handler<'benefit.export'> = async ({ deps, me, input }) => {
  const c = await loadCampaign(deps, me, input.id)
  const vouchers = await readAll<VoucherDoc>(deps.db.collection('vouchers').where({ campaignId: c._id }).orderBy('departmentId', 'asc').orderBy('memberName', 'asc'))
  const now = deps.clock.now()
  const { url } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: `${c.name}-发放明细`, sheetName: '发放明细' },
    [
      { key: 'name', header: '姓名' }, { key: 'department', header: '部门' }, { key: 'kind', header: '类型' }, { key: 'value', header: '面值（元）' },
      { key: 'option', header: '礼品', width: 24 }, { key: 'state', header: '状态' }, { key: 'at', header: '使用时间', width: 20 }, { key: 'point', header: '兑换点', width: 20 },
      { key: 'by', header: '核销人' }, { key: 'proxy', header: '代领原因', width: 24 },
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
