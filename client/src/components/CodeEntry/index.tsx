import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import { Button } from '../../ui/nutui'
import { SHORT_CODE_DIGITS, typedCode } from './typed-code'

/**
 * The staff side of a member's code (签到码, 券码): scan it with the camera, or type the six digits
 * under it. Used by the check-in and redemption screens (subpackages only, so it ships with them).
 */

/** Scanning needs the WeChat camera; typing the six digits works everywhere. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp'

/** Reads a QR code with the camera: its text, or undefined. Closing the camera is not an error; any other failure calls `onFail`. */
export async function scanQr(onFail: () => void): Promise<string | undefined> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result ? res.result.trim() : undefined
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? err)
    if (!/cancel/i.test(msg)) onFail()
    return undefined
  }
}

/** The camera button, where there is a camera. */
export function ScanButton({ className, busy, onScan, children }: { className: string; busy: boolean; onScan: () => void; children: ReactNode }) {
  if (!CAN_SCAN) return null
  return (
    <Button className={className} type="primary" block disabled={busy} onClick={onScan}>
      {children}
    </Button>
  )
}

export interface CodeInputProps {
  /** Class prefix of the row and its input: `<name>-type`, `<name>-input`. */
  name: string
  /** The button's class and words (签到, 查询). */
  button: { className: string; text: string }
  value: string
  placeholder: string
  busy: boolean
  /** The button may send (six digits, and not refused already). */
  canSend: boolean
  /** What was typed, as digits (at most six). */
  onDigits: (digits: string) => void
  /** The button, or 完成 on the keyboard. */
  onSend: () => void
}

/** Six digits typed, and the button that sends them (outlined beside a camera button, solid without one). */
export function CodeInput({ name, button, value, placeholder, busy, canSend, onDigits, onSend }: CodeInputProps) {
  const onInput = (typed: string) => {
    const digits = typedCode(typed)
    onDigits(digits)
    return digits
  }
  return (
    <View className={`${name}-type`}>
      <Input
        className={`${name}-input`}
        type="number"
        value={value}
        maxlength={SHORT_CODE_DIGITS}
        placeholder={placeholder}
        confirmType="done"
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={onSend}
      />
      <Button className={button.className} type="primary" fill={CAN_SCAN ? 'outline' : 'solid'} loading={busy} disabled={!canSend} onClick={onSend}>
        {button.text}
      </Button>
    </View>
  )
}
