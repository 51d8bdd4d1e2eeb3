import { hasRole, mayRedeemAt } from '@shared/domain/authorization'
import { maskName } from '@shared/domain/benefits'
import { formatYuan } from '@shared/domain/money'
import { formatShanghai, inShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { forbidden, invalid } from '../../_lib/app-error'
import { exportSheet } from '../../_lib/export-sheet'
import { pointInUnion } from '../points.repo'
import { toRedemption } from '../redeem'
import { redeemedAt, redemptionsBy } from '../vouchers.repo'

/** The redeemer's own redemptions, latest first. */
export const myRedemptions: Handler<'benefit.redemptions'> = async ({ deps, me, input }) => {
  const { docs, total } = await redemptionsBy(deps, me.unionId, me.member._id, input.page, input.pageSize)
  return { items: docs.map((v) => toRedemption(v, v.redemption!)), total, page: input.page, pageSize: input.pageSize }
}

const MAX_DAYS = 92

/** 对账: per Shanghai day at one point — count and face value — for the shop's invoice, as rows and a spreadsheet. */
export const settlement: Handler<'benefit.settlement'> = async ({ deps, me, input }) => {
  if (!hasRole(me.subject, 'admin') && !mayRedeemAt(me.subject, { unionId: me.unionId, pointId: input.pointId })) throw forbidden('您不是这个兑换点的核销员')
  const from = inShanghai(`${input.from}T00:00:00+08:00`).startOf('day')
  const to = inShanghai(`${input.to}T00:00:00+08:00`).endOf('day')
  if (to.isBefore(from)) throw invalid('结束日期不能早于开始日期', { field: 'to' })
  if (to.diff(from, 'day') >= MAX_DAYS) throw invalid(`一次最多对账 ${MAX_DAYS} 天`, { field: 'to' })
  const point = await pointInUnion(deps, me.unionId, input.pointId)
  if (!point) throw forbidden('您不是这个兑换点的核销员')
  const rows = await redeemedAt(deps, me.unionId, input.pointId, from.toDate(), to.toDate())
  const days = new Map<string, { count: number; amount: number }>()
  for (const v of rows) {
    const day = formatShanghai(v.redeemedAt!, 'YYYY-MM-DD')
    const d = days.get(day) ?? { count: 0, amount: 0 }
    days.set(day, { count: d.count + 1, amount: d.amount + v.faceValue })
  }
  const list = [...days.entries()].map(([date, d]) => ({ date, ...d }))
  const { url } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: `${point.name}-对账-${input.from}至${input.to}`, sheetName: '核销明细' },
    [
      { key: 'at', header: '核销时间', width: 20 },
      { key: 'campaign', header: '福利', width: 24 },
      { key: 'option', header: '礼品', width: 20 },
      { key: 'member', header: '会员' },
      { key: 'value', header: '面值（元）' },
      { key: 'by', header: '核销人' },
      { key: 'proxy', header: '代领原因' },
    ],
    [
      ...rows.map((v) => ({
        at: formatShanghai(v.redeemedAt!),
        campaign: v.name,
        option: v.optionName ?? '',
        member: maskName(v.memberName),
        value: formatYuan(v.faceValue),
        by: v.redemption!.byName,
        proxy: v.redemption!.proxyReason ?? '',
      })),
      ...list.map((d) => ({ at: `${d.date} 小计`, campaign: `${d.count} 张`, value: formatYuan(d.amount) })),
    ],
  )
  return { url, days: list }
}
