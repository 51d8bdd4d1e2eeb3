import type { ReactNode } from 'react'
import { Input, View } from '@tarojs/components'

const classes = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(' ')

export interface FieldProps {
  label: string
  /** What is wrong with the value, said under it in red (nothing: no line). */
  error?: string
  /** Tests and browser tests find some errors by their own class. */
  errorClass?: string
  /** e.g. admin-field--top for a control taller than a line. */
  className?: string
  valueClass?: string
  children: ReactNode
}

/** One row of an admin form: the label on the left; the control, and what is wrong with it, on the right. */
export function Field({ label, error, errorClass, className, valueClass, children }: FieldProps) {
  return (
    <View className={classes('admin-field', className)}>
      <View className="admin-field__label">{label}</View>
      <View className={classes('admin-field__value', valueClass)}>
        {children}
        {error ? <View className={classes('admin-field__error', errorClass)}>{error}</View> : null}
      </View>
    </View>
  )
}

/** A picker's face inside a Field: the value chosen, or 未填写 in grey, and the arrow. */
export function PickerFace({ className, children }: { className: string; children: ReactNode }) {
  return (
    <View className={`admin-field__picker ${className}`}>
      {children || <View className="admin-placeholder">未填写</View>}
      <View className="admin-field__arrow">›</View>
    </View>
  )
}

export interface InputFieldProps extends Omit<FieldProps, 'children' | 'valueClass'> {
  /** The input's own class, by which tests find it. */
  inputClass: string
  value: string
  onInput: (value: string) => void
  maxlength: number
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
}

/** A Field holding one text input. */
export function InputField({ inputClass, value, onInput, maxlength, placeholder, type, ...field }: InputFieldProps) {
  return (
    <Field {...field}>
      <Input
        className={`admin-field__input ${inputClass}`}
        type={type}
        maxlength={maxlength}
        value={value}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
    </Field>
  )
}
