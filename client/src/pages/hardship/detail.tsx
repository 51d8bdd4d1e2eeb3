import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { HardshipRequestDetail } from '@shared/contract'
import { invalidate, useMutation, useQuery } from '../../data'
import { ActionError, callAction } from '../../services/cloud'
import { PageHeader } from '../../components/PageHeader'
import { QueryView } from '../../components/QueryView'
import { HardshipTimeline } from '../../components/HardshipTimeline'
import { RequestStatus } from '../../components/RequestStatus'
import { PhotoThumbs } from '../../components/photos/PhotoThumbs'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { idParam } from '../../constants/groups'
import { AID_KIND_LABELS, nextHint, PAYMENT_METHOD_LABELS, withRequestId, yuanText } from '../../constants/hardship'
import './detail.scss'
import { calendarDayText } from '@shared/domain/time'

/** One request as its member (or the colleague who reported it) follows it: what was asked, every step, what to do next. */
export default function HardshipDetailPage() {
  const id = idParam(useRouter().params.id)
  // A step taken elsewhere (a reviewer's, a resubmission): loaded again when shown.
  const detail = useQuery('hardship.get', { id }, { silent: true })
  const m = useMutation<'withdraw'>()

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const withdraw = async (r: HardshipRequestDetail) => {
    if (m.busy) return
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: `撤回后工会将不再办理这条「${r.categoryName}」申请，需要时可以重新申请。`,
      confirmText: '撤回',
      cancelText: '再想想',
    })
    if (!confirm) return
    // Refused (taken up meanwhile): toasted, and the page shows where it stands. Unsent (the network):
    // the page stays as it is for another try.
    const sent = await m.run('withdraw', () =>
      callAction('hardship.withdraw', { id: r.id }).then(
        () => true,
        (err: unknown) => {
          if (err instanceof ActionError && err.code === 'NETWORK') throw err
          return false
        },
      ),
    )
    if (sent === undefined) return
    if (sent) void Taro.showToast({ title: '已撤回', icon: 'none' })
    invalidate('hardship')
    await detail.reload()
  }

  const r = detail.data
  return (
    <View className="page page-hardship-detail">
      <PageHeader title="申请进展" subtitle={r ? `${r.categoryName} · ${AID_KIND_LABELS[r.kind]}` : undefined} />
      <QueryView query={detail} rows={4} art="benefits">
        {(r) => (
          <>
            <View className="detail-card detail-status">
              <View className="detail-status__top">
                <RequestStatus status={r.status} />
                <View className="detail-status__hint">{nextHint(r.status)}</View>
              </View>
              {r.status === 'approved' || r.status === 'paid' ? (
                <View className="detail-status__amount">
                  {r.status === 'paid' ? '已发放' : '批准金额'} <View className="detail-status__yuan">{yuanText(r.approvedFen ?? 0)}</View>
                </View>
              ) : null}
              {r.payment ? (
                <View className="detail-status__paid">
                  {calendarDayText(r.payment.paidOn, new Date())} · {PAYMENT_METHOD_LABELS[r.payment.method]} · 经办人 {r.payment.paidBy}
                </View>
              ) : null}
              {r.can.resubmit ? (
                <Button
                  className="detail-resubmit"
                  type="primary"
                  block
                  onClick={() => void Taro.navigateTo({ url: withRequestId(ROUTES.hardshipApply, r.id) })}
                >
                  补充材料并重新提交
                </Button>
              ) : null}
            </View>

            <View className="detail-card">
              <View className="detail-card__title">办理进展</View>
              <HardshipTimeline steps={r.steps} />
            </View>

            <View className="detail-card detail-info">
              <View className="detail-card__title">申请内容</View>
              <Row label="申请对象" value={`${r.memberName} · ${r.department}`} />
              {r.reportedBy ? <Row label="代为申报" value={r.reportedBy} /> : null}
              <Row label="类别" value={`${r.categoryName}（${r.capText}，${r.frequencyText}）`} />
              <Row label="申请金额" value={r.amountAskedFen === null ? '按标准核定' : yuanText(r.amountAskedFen)} />
              <Row label="联系方式" value={r.contact} />
              <View className="detail-row detail-row--block">
                <View className="detail-row__label">情况说明</View>
                <View className="detail-row__text detail-description">{r.description}</View>
              </View>
              <PhotoThumbs urls={r.photos.map((p) => p.url)} className="detail-photos" photoClass="detail-photo" />
            </View>

            {r.can.withdraw ? (
              <View className="detail-actions">
                <Button className="detail-withdraw" fill="outline" block loading={m.busy === 'withdraw'} onClick={() => void withdraw(r)}>
                  撤回申请
                </Button>
              </View>
            ) : null}
            <View className="detail-privacy">这条申请只有{r.forMe ? '您本人' : '申请人'}、代为申报的同事和工会帮扶审核人能看到。</View>
          </>
        )}
      </QueryView>
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="detail-row">
      <View className="detail-row__label">{label}</View>
      <View className="detail-row__text">{value}</View>
    </View>
  )
}
