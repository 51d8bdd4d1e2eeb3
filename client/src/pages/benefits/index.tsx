import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { OptionView, VoucherView } from '@shared/contract'
import { cachedData, invalidate, setQueryData, useMutation, useQuery, useSession } from '../../data'
import { callAction } from '../../services/cloud'
import { askToSubscribe, prepareSubscribe } from '../../services/subscribe'
import { PageHeader } from '../../components/PageHeader'
import { QueryView } from '../../components/QueryView'
import { EmptyState } from '../../components/EmptyState'
import { LocalLogin } from '../../components/LocalLogin'
import { Fact } from '../../components/Fact'
import { Button } from '../../ui/nutui'
import { ROUTES, withId } from '../../constants/routes'
import {
  canChoose,
  groupByState,
  isSoldOut,
  kindLabel,
  nextStepText,
  pointsText,
  redeemWindowText,
  remainingText,
  STATE_LABELS,
  usedText,
  whenText,
  yuanText,
} from './view'
import './index.scss'

/** 福利 tab: the member's cake vouchers and holiday gifts, by what needs doing: choose, show, wait, done. */
export default function BenefitsPage() {
  const me = useSession()
  const mine = useQuery('benefit.mine', {}, { silent: true })
  const shown = useRef(false)
  // WeChat's dialog needs the template ids at hand when a gift is chosen.
  useEffect(prepareSubscribe, [])

  const reload = () => Promise.all([me.reload(), mine.reload()])
  // Back from 出示券码 (perhaps just redeemed): the vouchers again, quietly.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    void mine.reload()
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="page page-benefits">
      <PageHeader title="福利" subtitle={me.data ? `${me.data.union.name}为会员准备的节日慰问和生日福利` : undefined} />
      {/* 重试 asks for the union's name again too. */}
      <QueryView query={{ ...mine, reload }} rows={4} art="benefits">
        {(vouchers) =>
          vouchers.length === 0 ? (
            <EmptyState className="benefits-empty" title="暂时没有可领取的福利" description="节日慰问、生日福利发放后，会在这里提醒你领取" art="benefits" />
          ) : (
            <View className="benefits-groups">
              {groupByState(vouchers).map((g) => (
                <View key={g.state} className={`benefits-group benefits-group--${g.state}`}>
                  <View className="benefits-group__title">
                    {STATE_LABELS[g.state]}
                    <Text className="benefits-group__count">{g.vouchers.length}</Text>
                  </View>
                  {g.vouchers.map((v) => (
                    <VoucherCard key={v.id} voucher={v} />
                  ))}
                </View>
              ))}
            </View>
          )
        }
      </QueryView>
      <LocalLogin />
    </View>
  )
}

/** The answer of benefit.choose is the voucher as it now stands: laid into the list, which is not asked again. */
function showChosen(next: VoucherView): void {
  const list = cachedData('benefit.mine', {})
  if (list)
    setQueryData(
      'benefit.mine',
      {},
      list.map((v) => (v.id === next.id ? next : v)),
    )
}

function VoucherCard({ voucher: v }: { voucher: VoucherView }) {
  const changeable = canChoose(v)
  // A gift still to pick: the options are open at once; a picked one opens them on 更换.
  const [open, setOpen] = useState(v.state === 'choose')
  // Keyed by the option being chosen, for its 正在选择….
  const choosing = useMutation<string>()
  const busy = choosing.busy

  const choose = async (o: OptionView) => {
    if (busy || o.id === v.optionId) return
    // 到期与截止提醒, asked in the tap itself; the choice does not wait for the answer.
    void askToSubscribe('benefit')
    // Refused (sold out meanwhile, window closed): callAction has toasted the reason.
    const next = await choosing.run(o.id, () => callAction('benefit.choose', { voucherId: v.id, optionId: o.id }))
    if (!next) return
    // 首页's gifts and the admin's 领取名单 load again when shown; this list takes the answer as it is.
    invalidate('benefit')
    showChosen(next)
    setOpen(false)
    void Taro.showToast({ title: `已选择：${o.name}`, icon: 'none' })
  }

  return (
    <View className={`voucher-card voucher-card--${v.state}`} data-voucher-id={v.id}>
      <View className="voucher-card__top">
        <Text className={`voucher-card__kind voucher-card__kind--${v.kind}`}>{kindLabel(v.kind)}</Text>
        <Text className={`voucher-card__state voucher-card__state--${v.state}`}>{STATE_LABELS[v.state]}</Text>
      </View>
      <View className="voucher-card__name">{v.name}</View>
      <View className="voucher-card__value">
        面值 <Text className="voucher-card__yuan">{yuanText(v.faceValue)}</Text>
      </View>
      {/* A used one says when and where below (领取情况); the others what to do next. */}
      {v.state === 'used' ? null : <View className="voucher-card__next">{nextStepText(v)}</View>}

      <View className="voucher-card__facts">
        {v.optionName ? <Fact block="voucher-fact" label="已选礼品" value={v.optionName} className="voucher-card__option" /> : null}
        {v.options.length > 1 && v.state !== 'used' && v.state !== 'expired' ? (
          <Fact block="voucher-fact" label="选择截止" value={whenText(v.claimClosesAt)} className="voucher-card__claim" />
        ) : null}
        <Fact block="voucher-fact" label="兑换时间" value={redeemWindowText(v)} className="voucher-card__window" />
        {v.points.length ? <Fact block="voucher-fact" label="兑换地点" value={pointsText(v.points)} className="voucher-card__points" /> : null}
        {v.state === 'used' && v.redeemed ? (
          <Fact
            block="voucher-fact"
            label="领取情况"
            value={usedText(v.redeemed)}
            className={`voucher-card__used${v.redeemed.proxy ? ' voucher-card__used--proxy' : ''}`}
          />
        ) : null}
      </View>

      {open && changeable ? (
        <View className="voucher-options">
          <View className="voucher-options__title">{v.optionId ? '更换礼品（选择截止前可以更换）' : '请选择一种礼品'}</View>
          {v.options.map((o) => {
            const current = o.id === v.optionId
            const soldOut = isSoldOut(o) && !current
            return (
              <View
                key={o.id}
                className={`voucher-option${current ? ' voucher-option--current' : ''}${soldOut ? ' voucher-option--soldout' : ''}`}
                data-option-id={o.id}
                onClick={() => (soldOut ? undefined : void choose(o))}
              >
                <View className="voucher-option__body">
                  <View className="voucher-option__name">
                    {o.name}
                    {o.povertyRelief ? <Text className="voucher-option__tag">消费扶贫</Text> : null}
                  </View>
                  {o.supplier ? <View className="voucher-option__supplier">{o.supplier}</View> : null}
                </View>
                <View className="voucher-option__side">
                  <View className={`voucher-option__remaining${soldOut ? ' voucher-option__remaining--out' : ''}`}>{remainingText(o)}</View>
                  <View className="voucher-option__pick">{busy === o.id ? '正在选择…' : current ? '已选' : soldOut ? '' : '选这个'}</View>
                </View>
              </View>
            )
          })}
          {v.optionId ? (
            <View className="voucher-options__cancel" onClick={() => setOpen(false)}>
              不换了
            </View>
          ) : null}
        </View>
      ) : null}

      {v.state === 'ready' || (changeable && !open) ? (
        <View className="voucher-card__actions">
          {changeable && !open ? (
            <Button className="voucher-change" size="small" fill="outline" onClick={() => setOpen(true)}>
              更换礼品
            </Button>
          ) : null}
          {v.state === 'ready' ? (
            <Button className="voucher-show-code" size="small" type="primary" onClick={() => void Taro.navigateTo({ url: withId(ROUTES.benefitCode, v.id) })}>
              出示券码
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
