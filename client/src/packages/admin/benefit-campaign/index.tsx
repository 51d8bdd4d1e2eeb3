import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { CampaignView, VoucherRow } from '@shared/contract'
import { BENEFIT_TEXT_MAX } from '@shared/contract/benefit.contract'
import { invalidate, useMutation, usePagedQuery, useQuery } from '../../../data'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { ConfirmRow } from '../../../components/ConfirmRow'
import { QueryView } from '../../../components/QueryView'
import { PagedList } from '../../../components/PagedList'
import { ExportButton } from '../../../components/ExportButton'
import { Button } from '../../../ui/nutui'
import { idParam } from '../../../constants/routes'
import { kindLabel, redeemWindowText, STATE_LABELS, whenText, yuanText } from '../../../pages/benefits/view'
import { Progress } from '../shared/nutui'
import { SearchBar } from '../shared/SearchBar'
import { audienceText, issueAll, issueConfirmText, issuePercent, type IssueAnswer } from './issue'
import '../shared/admin.scss'
import '../benefits/chips.scss'
import './index.scss'
import { COLORS } from '../../../styles/colors'

type Issuing = { running: boolean; answer?: IssueAnswer; failed?: string }

/** One campaign (admins): progress, 发放 with a progress bar, 导出, and the vouchers with 代领. */
export default function AdminCampaignPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const campaign = useQuery('benefit.campaign', { id }, { silent: true, enabled: Boolean(id) })
  const [search, setSearch] = useState('')
  const [typed, setTyped] = useState('')
  // The page's scroll pages the vouchers and a pull starts them over; the campaign's numbers come along.
  const vouchers = usePagedQuery('benefit.vouchers', { id, ...(search ? { search } : {}) })
  usePullDownRefresh(() => void campaign.reload())
  const [issuing, setIssuing] = useState<Issuing>({ running: false })

  // Vouchers issued or collected: the numbers here now, the campaign list and members' 福利 when shown.
  const changed = () => {
    invalidate('benefit')
    return Promise.all([campaign.reload(), vouchers.reload()])
  }

  const issue = async () => {
    if (issuing.running) return
    const c = campaign.data
    const ask = c ? issueConfirmText(c) : null
    if (ask) {
      const { confirm } = await Taro.showModal({ title: '确认发放', content: ask, confirmText: '发放', cancelText: '再想想' })
      if (!confirm) return
    }
    setIssuing({ running: true, answer: c ? { issuedNow: 0, issued: c.progress.issued, eligible: c.progress.eligible, done: false } : undefined })
    try {
      const last = await issueAll(
        () => callAction('benefit.issue', { id }, { silent: true }),
        (answer) => setIssuing({ running: true, answer }),
      )
      setIssuing({ running: false, answer: last })
      void Taro.showToast({ title: `发放完成，共 ${last.issued} 人`, icon: 'none' })
    } catch (err) {
      const message = err instanceof ActionError || err instanceof Error ? err.message : String(err)
      setIssuing((s) => ({ running: false, answer: s.answer, failed: message }))
    }
    await changed()
  }

  const shown = campaign.data
  return (
    <View className="page page-admin-campaign">
      <PageHeader title={shown?.name ?? '福利详情'} subtitle={shown ? `${kindLabel(shown.kind)} · 面值 ${yuanText(shown.faceValue)}` : undefined} />
      <QueryView query={campaign} missing={id ? undefined : '没有找到这项福利'} rows={5} art="benefits">
        {(c) => (
          <>
            <Overview campaign={c} />

            <View className="admin-card campaign-issue">
              <View className="admin-card__title">发放</View>
              <View className="admin-card__note">
                {c.autoBirthday
                  ? '生日当月自动发放：每天给生日月已到、还没有券的会员发券。手动「发放」会立即给所有符合条件的会员发券（不论生日月）。'
                  : '给符合条件、还没有券的会员发券，可以多次点（只补发缺少的）。'}
              </View>
              {issuing.answer || issuing.running ? (
                <View className="campaign-issue__progress">
                  <Progress percent={issuePercent(issuing.answer)} color={COLORS.brand} strokeWidth="8" animated={issuing.running} />
                  <View className="campaign-issue__text">
                    {issuing.answer ? `已发放 ${issuing.answer.issued} / ${issuing.answer.eligible} 人` : '正在发放…'}
                    {issuing.answer?.done && !issuing.running ? '，发放完成' : ''}
                  </View>
                </View>
              ) : null}
              {issuing.failed ? <View className="admin-field__error campaign-issue__failed">{issuing.failed}，已发放的不受影响，可以继续发放</View> : null}
              <View className="admin-actions">
                <Button className="campaign-issue-button" type="primary" size="small" loading={issuing.running} onClick={() => void issue()}>
                  {issuing.running ? '正在发放…' : issuing.failed ? '继续发放' : c.progress.issued ? '补发' : '发放'}
                </Button>
                <ExportButton className="campaign-export" action="benefit.export" input={{ id }} empty="还没有发放，暂无可导出的记录" fill="outline">
                  导出表格
                </ExportButton>
              </View>
            </View>

            <View className="admin-card campaign-vouchers">
              <View className="admin-card__title">领取名单</View>
              <SearchBar
                name="campaign"
                typed={typed}
                onType={setTyped}
                onSearch={(value) => setSearch(value.trim())}
                placeholder="搜索姓名"
                maxlength={BENEFIT_TEXT_MAX.voucherSearch}
              />
              <PagedList
                list={vouchers}
                name="campaign-vouchers"
                footerClass="admin-footer campaign-vouchers__footer"
                unit="人"
                endText={(total) => `共 ${total} 人`}
                art="benefits"
                empty={{
                  title: search ? `没有找到「${search}」` : '还没有发放',
                  description: search ? '换个姓名试试' : '点上方「发放」后，每位会员的领取情况会列在这里',
                }}
                renderItem={(v) => <VoucherRowView row={v} campaign={c} onProxied={() => void changed()} />}
              />
            </View>
          </>
        )}
      </QueryView>
    </View>
  )
}

function Overview({ campaign: c }: { campaign: CampaignView }) {
  const p = c.progress
  const numbers = [
    { key: 'eligible', label: '应发', value: p.eligible },
    { key: 'issued', label: '已发放', value: p.issued },
    { key: 'chosen', label: '已选择', value: p.chosen },
    { key: 'redeemed', label: '已领取', value: p.redeemed },
    { key: 'outstanding', label: '未领取', value: p.outstanding },
  ]
  return (
    <View className="admin-card campaign-overview">
      <View className="campaign-numbers">
        {numbers.map((n) => (
          <View key={n.key} className={`campaign-number campaign-number--${n.key}`}>
            <View className="campaign-number__value">{n.value}</View>
            <View className="campaign-number__label">{n.label}</View>
          </View>
        ))}
      </View>
      <View className="campaign-facts">
        <View className="campaign-fact">选择截止：{whenText(c.claimClosesAt)}</View>
        <View className="campaign-fact">兑换时间：{redeemWindowText(c)}</View>
        <View className="campaign-fact">兑换点：{c.points.map((x) => x.name).join('、') || '—'}</View>
        <View className="campaign-fact">对象：{audienceText(c)}</View>
      </View>
      <View className="campaign-options">
        {c.options.map((o) => (
          <View key={o.id} className="campaign-option-stat" data-option-id={o.id}>
            <View className="campaign-option-stat__name">
              {o.name}
              {o.povertyRelief ? <Text className="campaign-option-stat__tag">消费扶贫</Text> : null}
            </View>
            <View className="campaign-option-stat__meta">
              {o.supplier ? `${o.supplier} · ` : ''}已选 {o.chosen}
              {o.stock === null ? ' · 不限库存' : ` / 库存 ${o.stock}（剩 ${o.remaining ?? 0}）`}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

/** One member's voucher; 代领 opens a small form (where, and why someone else collected it). */
function VoucherRowView({ row: v, campaign, onProxied }: { row: VoucherRow; campaign: CampaignView; onProxied: () => void }) {
  const [open, setOpen] = useState(false)
  const [pointId, setPointId] = useState(campaign.points[0]?.id ?? '')
  const [reason, setReason] = useState('')
  const m = useMutation()
  // The server records 代领 only for a voucher that could be redeemed now (gift chosen, within the window).
  const canProxy = v.state === 'ready'

  const save = async () => {
    if (m.busy) return
    if (!pointId) return void Taro.showToast({ title: '请选择兑换点', icon: 'none' })
    if (!reason.trim()) return void Taro.showToast({ title: '请填写代领原因', icon: 'none' })
    // A refusal (already collected, expired…) is toasted by callAction.
    const done = await m.run('save', () => callAction('benefit.proxyRedeem', { voucherId: v.id, pointId, reason: reason.trim() }))
    if (!done) return
    void Taro.showToast({ title: `已为${v.memberName}登记代领`, icon: 'none' })
    setOpen(false)
    onProxied()
  }

  return (
    <View className={`campaign-voucher campaign-voucher--${v.state}`} data-voucher-id={v.id}>
      <View className="campaign-voucher__main">
        <View className="campaign-voucher__body">
          <View className="campaign-voucher__name">
            {v.memberName}
            <Text className="campaign-voucher__department"> · {v.department}</Text>
          </View>
          <View className="campaign-voucher__meta">
            {v.optionName ?? '未选择'} · <Text className={`campaign-voucher__state campaign-voucher__state--${v.state}`}>{STATE_LABELS[v.state]}</Text>
          </View>
          {v.redeemed ? (
            <View className="campaign-voucher__redeemed">
              {whenText(v.redeemed.at)} · {v.redeemed.pointName} · {v.redeemed.by}
              {v.redeemed.proxyReason ? `（代领：${v.redeemed.proxyReason}）` : ''}
            </View>
          ) : null}
        </View>
        {canProxy && !open ? (
          <View className="campaign-voucher__proxy" onClick={() => setOpen(true)}>
            代领
          </View>
        ) : null}
      </View>
      {open ? (
        <View className="proxy-form">
          <View className="benefit-chips proxy-points">
            {campaign.points.map((p) => (
              <View key={p.id} className={`benefit-chip proxy-point${pointId === p.id ? ' benefit-chip--on' : ''}`} onClick={() => setPointId(p.id)}>
                {p.name}
              </View>
            ))}
          </View>
          <Input
            className="campaign-search__input proxy-reason"
            value={reason}
            maxlength={BENEFIT_TEXT_MAX.proxyReason}
            placeholder="代领原因，如：住院，由家属代领"
            onInput={(e) => setReason(e.detail.value)}
          />
          <ConfirmRow
            className="proxy-form__actions"
            confirmClass="proxy-save"
            busy={m.busy === 'save'}
            onCancel={() => setOpen(false)}
            onConfirm={() => void save()}
          >
            登记代领
          </ConfirmRow>
        </View>
      ) : null}
    </View>
  )
}
