import type { ReactNode } from 'react'
import { Picker, View } from '@tarojs/components'
import { calendarDayText } from '@shared/domain/time'

/**
 * A staff form's field as the organizer, leader and reviewer pages lay it out: the label, the
 * control, and under it what is wrong. Classes are the area's own (`<area>-field`, `__label`,
 * `__error`), where its styles live.
 */
export function Field({
  area,
  label,
  error,
  className,
  children,
}: {
  area: string
  label: ReactNode
  error?: string
  className?: string
  children: ReactNode
}) {
  return (
    <View className={className ? `${area}-field ${className}` : `${area}-field`}>
      <View className={`${area}-field__label`}>{label}</View>
      {children}
      {error ? <View className={`${area}-field__error`}>{error}</View> : null}
    </View>
  )
}

export interface DatePickProps {
  area: string
  /** The face's own class (tests find the picker by it). */
  className: string
  /** YYYY-MM-DD. */
  value: string
  start?: string
  end?: string
  disabled?: boolean
  /** The arrow's class (default `<area>-arrow`). */
  arrowClass?: string
  onChange: (date: string) => void
}

/** A day picked from the calendar, shown as 今天 / 9月28日 周一 with › after it. */
export function DatePick({ area, className, value, start, end, disabled, arrowClass = `${area}-arrow`, onChange }: DatePickProps) {
  // Only what the page set: the picker keeps its own defaults for the rest.
  const limits = { ...(start ? { start } : {}), ...(end ? { end } : {}), ...(disabled ? { disabled } : {}) }
  return (
    <Picker mode="date" value={value} {...limits} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`${area}-field__picker ${className}`}>
        {calendarDayText(value, new Date())}
        <View className={arrowClass}>›</View>
      </View>
    </Picker>
  )
}

/** A text control's value and onInput for one key of a form: `<Input className=… {...text('title')} />`. */
export function textBinder<F, K extends keyof F>(form: F, edit: (key: K, value: string) => void) {
  return (key: K) => ({ value: String(form[key]), onInput: (e: { detail: { value: string } }) => edit(key, e.detail.value) })
}
