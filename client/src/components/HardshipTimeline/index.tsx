import { View } from '@tarojs/components'
import type { RequestStepView } from '@shared/contract'
import { PAYMENT_METHOD_LABELS, yuanText } from '../../constants/hardship'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'

const ROLE_NAMES: Readonly<Record<RequestStepView['actorRole'], string>> = { member: '本人', reporter: '代为申报', reviewer: '审核人' }

/** One line of detail under a step: the sum, how it was paid, the reason or note. */
function stepDetail(s: RequestStepView): string[] {
  const lines: string[] = []
  if (s.kind === 'approve' && s.amountFen !== null) lines.push(`批准金额 ${yuanText(s.amountFen)}`)
  if (s.kind === 'pay' && s.amountFen !== null)
    lines.push(`${yuanText(s.amountFen)} · ${s.method ? PAYMENT_METHOD_LABELS[s.method] : ''} · ${s.paidOn ? calendarDayText(s.paidOn, new Date()) : ''}`)
  if ((s.kind === 'submit' || s.kind === 'resubmit') && s.amountFen !== null) lines.push(`申请金额 ${yuanText(s.amountFen)}`)
  if (s.note) lines.push(s.kind === 'return' ? `需补充：${s.note}` : s.kind === 'reject' ? `原因：${s.note}` : s.note)
  return lines
}

/** 一次申报，随时查看进展: every step, newest at the bottom, each with who and when. */
export function HardshipTimeline({ steps }: { steps: readonly RequestStepView[] }) {
  return (
    <View className="hardship-timeline">
      {steps.map((s, i) => (
        <View key={`${s.kind}-${i}`} className={`timeline-step timeline-step--${s.kind}${i === steps.length - 1 ? ' timeline-step--last' : ''}`}>
          <View className="timeline-step__dot" />
          <View className="timeline-step__body">
            <View className="timeline-step__head">
              <View className="timeline-step__label">{s.label}</View>
              <View className="timeline-step__at">{s.at}</View>
            </View>
            <View className="timeline-step__actor">
              {ROLE_NAMES[s.actorRole]} {s.actorName}
            </View>
            {stepDetail(s).map((line) => (
              <View key={line} className="timeline-step__detail">
                {line}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

export default HardshipTimeline
