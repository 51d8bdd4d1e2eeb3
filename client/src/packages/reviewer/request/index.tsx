import { useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Image, Input, Textarea, View } from '@tarojs/components'
import type { HardshipRequestDetail } from '@shared/contract'
import { CASE_LABEL_MAX, DECISION_REASON_MAX } from '@shared/contract/hardship.contract'
import { NOTE_MAX } from '@shared/contract/hardship.fields'
import { PAYMENT_METHODS } from '@shared/domain/hardship'
import { useMutation, useQuery } from '../../../data'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { HardshipTimeline } from '../../../components/HardshipTimeline'
import { RequestStatus } from '../../../components/RequestStatus'
import { DatePick, Field, textBinder } from '../../../components/FormField'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, todayText } from '../../../constants/groups'
import { AID_KIND_LABELS, newFormKey, PAYMENT_METHOD_LABELS, yuanText } from '../../../constants/hardship'
import {
  approvalConfirmText,
  checkApproval,
  checkPayment,
  checkReason,
  decisionFormOf,
  type DecisionErrors,
  type DecisionForm,
  type PaymentForm,
} from '../shared/forms'
import '../shared/reviewer.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'

type Step = 'take' | 'approve' | 'return' | 'reject' | 'pay'

/** The opinion goes as the approval's note or as the reason for 退回 / 不予批准: it must fit either. */
const OPINION_MAX = Math.min(NOTE_MAX, DECISION_REASON_MAX)

/** An example for the field a category names (病种, 去世亲属, 子女). */
const caseExample = (name: string) => (name === '病种' ? '阑尾炎' : name === '去世亲属' ? '父亲' : '长子')

/** One request for a reviewer: what was asked with its photos, the timeline, and the next step — 受理, decide, or record the payment. */
export default function ReviewerRequestPage() {
  const id = idParam(useRouter().params.id)
  const detail = useQuery('hardship.get', { id }, { silent: true })
  const [current, setCurrent] = useState<HardshipRequestDetail>()
  const [decision, setDecision] = useState<DecisionForm>({ amount: '', caseLabel: '', opinion: '' })
  const [errors, setErrors] = useState<DecisionErrors>({})
  const [payment, setPayment] = useState<PaymentForm>(() => ({ method: 'bank', paidOn: todayText(), note: '' }))
  const [payError, setPayError] = useState<string>()
  const m = useMutation<Step>()
  // One key per payment form: a retry after a lost answer records nothing twice.
  const payKey = useRef(newFormKey())

  useEffect(() => {
    if (detail.data) {
      setCurrent(detail.data)
      setDecision(decisionFormOf(detail.data))
    }
  }, [detail.data])
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const r = current
  /** One step on the request: the answer is the request as it now stands; a refusal is shown by the field it names. */
  const run = async (step: Step, call: () => Promise<HardshipRequestDetail>, done: string) => {
    const next = await m.run(step, call, { success: done, invalidates: ['hardship'], onError: showRefusal })
    if (!next) return
    setCurrent(next)
    setDecision(decisionFormOf(next))
    setErrors({})
  }
  const showRefusal = (error: ActionError) => {
    const field = error.details?.field
    if (field === 'amountFen') setErrors({ amount: error.message })
    else if (field === 'caseLabel') setErrors({ caseLabel: error.message })
    else if (field === 'paidOn') setPayError(error.message)
    // Someone else moved it meanwhile: show it as it is now.
    if (error.code === 'CONFLICT') void detail.reload()
  }

  const approve = async (req: HardshipRequestDetail) => {
    if (m.busy) return
    const checked = checkApproval(req, decision)
    if ('errors' in checked) return setErrors(checked.errors)
    const { confirm } = await Taro.showModal({
      title: '确认批准',
      content: approvalConfirmText(req, checked.input.amountFen),
      confirmText: '批准',
      cancelText: '再想想',
    })
    if (!confirm) return
    void run('approve', () => callAction('hardship.approve', { id: req.id, ...checked.input }), '已批准')
  }
  const refuse = (req: HardshipRequestDetail, step: 'return' | 'reject') => {
    const checked = checkReason(decision, step)
    if ('errors' in checked) return setErrors(checked.errors)
    void run(
      step,
      () => callAction(step === 'return' ? 'hardship.return' : 'hardship.reject', { id: req.id, reason: checked.reason }),
      step === 'return' ? '已退回' : '已办结',
    )
  }
  const pay = async (req: HardshipRequestDetail) => {
    const checked = checkPayment(payment, todayText())
    if ('error' in checked) return setPayError(checked.error)
    setPayError(undefined)
    const { confirm } = await Taro.showModal({
      title: '记录发放',
      content: `确认已于 ${calendarDayText(checked.input.paidOn, new Date())} 以${PAYMENT_METHOD_LABELS[checked.input.method]}向${req.memberName}发放 ${yuanText(req.approvedFen ?? 0)}？`,
      confirmText: '确认',
      cancelText: '取消',
    })
    if (!confirm) return
    void run('pay', () => callAction('hardship.pay', { id: req.id, key: payKey.current, ...checked.input }), '已记录发放')
  }

  const editDecision = (k: keyof DecisionForm, value: string) => {
    setDecision((d) => ({ ...d, [k]: value }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }
  const decisionText = textBinder(decision, editDecision)
  const payText = textBinder(payment, (k: 'note', note: string) => setPayment((p) => ({ ...p, [k]: note })))

  return (
    <View className="page page-reviewer-request">
      <PageHeader title="办理申请" subtitle={r ? `${r.memberName} · ${r.categoryName}` : undefined} />
      {detail.loading && !r ? (
        <LoadingState rows={4} />
      ) : detail.error && !r ? (
        <ErrorState error={detail.error} onRetry={() => void detail.reload()} art="benefits" />
      ) : r ? (
        <>
          <View className="reviewer-card request-summary">
            <View className="request-summary__top">
              <View className="request-summary__who">
                {r.memberName} · {r.department}
              </View>
              <RequestStatus status={r.status} />
            </View>
            <View className="request-summary__line">
              {r.categoryName}（{AID_KIND_LABELS[r.kind]}）· {r.capText} · {r.frequencyText}
            </View>
            <View className="request-summary__line">申请金额：{r.amountAskedFen === null ? '未填，按标准核定' : yuanText(r.amountAskedFen)}</View>
            {r.approvedFen !== null ? (
              <View className="request-summary__line">
                批准金额：{yuanText(r.approvedFen)}
                {r.caseLabel ? `（${r.caseLabelName || '事项'}：${r.caseLabel}）` : ''}
              </View>
            ) : null}
            {r.reportedBy ? <View className="request-summary__line">代为申报：{r.reportedBy}</View> : null}
            <View className="request-summary__line">联系方式：{r.contact}</View>
            <View className="request-summary__text request-description">{r.description}</View>
            {r.photos.length ? (
              <View className="request-photos">
                {r.photos.map((p) => (
                  <Image
                    key={p.fileId}
                    className="request-photo"
                    src={p.url}
                    mode="aspectFill"
                    onClick={() => void Taro.previewImage({ current: p.url, urls: r.photos.map((x) => x.url) })}
                  />
                ))}
              </View>
            ) : (
              <View className="request-summary__none">未附证明材料照片</View>
            )}
            <View
              className="reviewer-link request-file-link"
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.reviewerFile}?memberId=${encodeURIComponent(r.memberId)}` })}
            >
              查看{r.memberName}的困难职工档案与申请记录 ›
            </View>
          </View>

          {r.can.take ? (
            <View className="reviewer-card">
              <View className="reviewer-card__note">受理后，申请人会看到「审核中」，由您跟进核实。</View>
              <Button
                className="request-take"
                type="primary"
                block
                loading={m.busy === 'take'}
                onClick={() => void run('take', () => callAction('hardship.take', { id: r.id }), '已受理')}
              >
                受理
              </Button>
            </View>
          ) : null}

          {r.can.approve ? (
            <View className="reviewer-card request-decide">
              <View className="reviewer-card__title">审核</View>
              <Field area="reviewer" label={`批准金额（元）· ${r.capText}`} error={errors.amount}>
                <Input className="reviewer-field__input request-amount" type="digit" maxlength={12} {...decisionText('amount')} />
              </Field>
              {r.caseLabelName ? (
                <Field area="reviewer" label={`${r.caseLabelName}（按「${r.frequencyText}」核对）`} error={errors.caseLabel}>
                  <Input
                    className="reviewer-field__input request-case"
                    maxlength={CASE_LABEL_MAX}
                    placeholder={`如：${caseExample(r.caseLabelName)}`}
                    {...decisionText('caseLabel')}
                  />
                </Field>
              ) : null}
              <Field area="reviewer" label="审核意见（退回或不予批准时必填，申请人可见）" error={errors.opinion}>
                <Textarea
                  className="reviewer-field__textarea request-opinion"
                  maxlength={OPINION_MAX}
                  placeholder="如：请补充出院小结"
                  {...decisionText('opinion')}
                />
              </Field>
              <Button
                className="request-approve"
                type="primary"
                block
                loading={m.busy === 'approve'}
                disabled={Boolean(m.busy)}
                onClick={() => void approve(r)}
              >
                批准
              </Button>
              <View className="reviewer-actions">
                <Button className="request-return" fill="outline" loading={m.busy === 'return'} disabled={Boolean(m.busy)} onClick={() => refuse(r, 'return')}>
                  退回补充材料
                </Button>
                <Button className="request-reject" fill="outline" loading={m.busy === 'reject'} disabled={Boolean(m.busy)} onClick={() => refuse(r, 'reject')}>
                  不予批准
                </Button>
              </View>
            </View>
          ) : null}

          {r.can.pay ? (
            <View className="reviewer-card request-pay">
              <View className="reviewer-card__title">记录发放 · {yuanText(r.approvedFen ?? 0)}</View>
              <Field area="reviewer" label="发放方式">
                <View className="reviewer-chips">
                  {PAYMENT_METHODS.map((method) => (
                    <View
                      key={method}
                      className={`reviewer-chip pay-method--${method}${payment.method === method ? ' reviewer-chip--on' : ''}`}
                      onClick={() => setPayment((p) => ({ ...p, method }))}
                    >
                      {PAYMENT_METHOD_LABELS[method]}
                    </View>
                  ))}
                </View>
              </Field>
              <Field area="reviewer" label="发放日期">
                <DatePick
                  area="reviewer"
                  className="pay-date"
                  value={payment.paidOn}
                  end={todayText()}
                  onChange={(paidOn) => setPayment((p) => ({ ...p, paidOn }))}
                />
              </Field>
              <Field area="reviewer" label="备注（选填）">
                <Input className="reviewer-field__input pay-note" maxlength={NOTE_MAX} placeholder="如：打入工资卡" {...payText('note')} />
              </Field>
              {payError ? <View className="reviewer-field__error">{payError}</View> : null}
              <Button className="request-pay-save" type="primary" block loading={m.busy === 'pay'} onClick={() => void pay(r)}>
                确认已发放
              </Button>
            </View>
          ) : null}

          {r.forMe ? <View className="reviewer-card request-own">这是您本人的申请，请由其他审核人办理。</View> : null}

          <View className="reviewer-card">
            <View className="reviewer-card__title">办理进展</View>
            <HardshipTimeline steps={r.steps} />
          </View>
          <View className="reviewer-footer">申请内容与照片仅供审核使用，请勿外传。</View>
        </>
      ) : null}
    </View>
  )
}
