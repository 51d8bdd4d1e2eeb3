import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import type { MemberCardCheck } from '@shared/contract'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { Button } from '../../../ui/nutui'
import { AdminGate } from '../shared/AdminGate'
import '../shared/admin.scss'
import './index.scss'
import { SHORT_CODE_DIGITS, typedCode } from '../../../components/CodeEntry/typed-code'

/** Scanning needs the WeChat camera; typing the six digits works everywhere. */
const CAN_SCAN = process.env.TARO_ENV === 'weapp'

type Step = { kind: 'idle' } | { kind: 'checking' } | { kind: 'valid'; card: MemberCardCheck } | { kind: 'refused'; message: string }

/** What the status means at a union counter: 在职 and 退休 are members, 离会 is not any more. */
const STATUS_NOTE: Record<MemberCardCheck['status'], string> = {
  在职: '在册会员',
  退休: '在册会员（退休）',
  离会: '已离会，不再是本工会会员',
}

/**
 * 核验会员证 (union office staff = admins, who keep the roster): scan the member's 电子会员证 or type
 * its six digits; the server checks the signature and freshness and answers name, department and
 * status only. Nothing is recorded.
 */
export default function CardCheckPage() {
  return (
    <View className="page page-card-check">
      <PageHeader title="核验会员证" subtitle="请会员打开「我的 → 电子会员证」" />
      <AdminGate>{() => <CardCheck />}</AdminGate>
    </View>
  )
}

function CardCheck() {
  const [typed, setTyped] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  // One check at a time: a second tap or Enter while the first is on its way sends nothing.
  const inFlight = useRef(false)

  const check = async (code: string) => {
    if (inFlight.current || !code) return
    inFlight.current = true
    setStep({ kind: 'checking' })
    try {
      setStep({ kind: 'valid', card: await callAction('member.verifyCard', { code }, { silent: true }) })
    } catch (e) {
      setStep({ kind: 'refused', message: e instanceof ActionError ? e.message : '核验失败，请稍后再试' })
    } finally {
      inFlight.current = false
    }
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (res.result) await check(res.result.trim())
    } catch (err) {
      // Closing the camera is not an error worth showing.
      const msg = String((err as { errMsg?: string })?.errMsg ?? err)
      if (!/cancel/i.test(msg)) setStep({ kind: 'refused', message: '没有扫到会员证，请再试一次，或输入 6 位数字' })
    }
  }

  const onType = (value: string) => {
    const digits = typedCode(value)
    setTyped(digits)
    if (step.kind !== 'checking') setStep({ kind: 'idle' })
    return digits
  }

  return (
    <View className="card-check">
      <View className="card-check__hint">{CAN_SCAN ? '扫描会员出示的二维码，或输入二维码下方的 6 位数字' : '请输入会员证二维码下方的 6 位数字'}</View>
      {CAN_SCAN ? (
        <Button className="card-check__scan" type="primary" block disabled={step.kind === 'checking'} onClick={() => void scan()}>
          扫码核验
        </Button>
      ) : null}
      <View className="card-check__type">
        <Input
          className="card-check__input"
          type="number"
          value={typed}
          maxlength={SHORT_CODE_DIGITS}
          placeholder="6 位数字"
          confirmType="done"
          onInput={(e) => onType(e.detail.value)}
          onConfirm={() => void check(typed)}
        />
        <Button
          className="card-check__submit"
          type="primary"
          fill={CAN_SCAN ? 'outline' : 'solid'}
          loading={step.kind === 'checking'}
          disabled={step.kind === 'checking' || typed.length !== 6}
          onClick={() => void check(typed)}
        >
          核验
        </Button>
      </View>

      {step.kind === 'valid' ? (
        <View className={`card-check-result card-check-result--${step.card.status === '离会' ? 'left' : 'valid'}`}>
          <View className="card-check-result__mark">{step.card.status === '离会' ? '!' : '✓'}</View>
          <View className="card-check-result__name">{step.card.name}</View>
          <View className="card-check-result__department">{step.card.department}</View>
          <View className="card-check-result__status">
            {step.card.status} · {STATUS_NOTE[step.card.status]}
          </View>
        </View>
      ) : step.kind === 'refused' ? (
        <View className="card-check-result card-check-result--refused">
          <View className="card-check-result__mark">✗</View>
          <View className="card-check-result__message">{step.message}</View>
        </View>
      ) : null}
    </View>
  )
}
