import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../../ui/nutui'

export interface ConfirmRowProps {
  /** The row's class (pages lay it out with their own). */
  className: string
  /** The action button's class, by which tests find it. */
  confirmClass: string
  busy: boolean
  onCancel: () => void
  onConfirm: () => void
  /** The action's words: 确认退回, 登记代领 … */
  children: ReactNode
}

/** A small form's two buttons: 取消 closes it, the action beside it shows it is running. */
export function ConfirmRow({ className, confirmClass, busy, onCancel, onConfirm, children }: ConfirmRowProps) {
  return (
    <View className={className}>
      <Button size="small" fill="outline" onClick={onCancel}>
        取消
      </Button>
      <Button className={confirmClass} size="small" type="primary" loading={busy} onClick={onConfirm}>
        {children}
      </Button>
    </View>
  )
}

export default ConfirmRow
