/**
 * The sign-up form's state and its checks, mirroring the server's rules (shared/domain/activity)
 * so a member hears what is missing before anything is sent.
 */
import type { ActionInput, ActivityDetail } from '@shared/contract'
import { answerProblems, type SignUpField } from '@shared/domain/activity'

/** Answers as `activity.signUp` takes them. */
export type SignUpAnswers = NonNullable<ActionInput<'activity.signUp'>['answers']>

/** What the inputs hold: typed text (numbers too, until sent), one choice, or several. */
export type FormValue = string | readonly string[]
export type SignUpForm = Readonly<Record<string, FormValue>>
export type SignUpFormErrors = Readonly<Record<string, string>>

/** The form as the member last filled it (this event, or else their latest event with the same fields). */
export function formFromPrefill(fields: readonly SignUpField[], prefill: ActivityDetail['prefill']): SignUpForm {
  const form: Record<string, FormValue> = {}
  for (const f of fields) {
    const v = prefill[f.key]
    if (f.type === 'multi') form[f.key] = Array.isArray(v) ? v.filter((x) => f.options?.includes(x)) : []
    else if (f.type === 'single') form[f.key] = typeof v === 'string' && f.options?.includes(v) ? v : ''
    else form[f.key] = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : ''
  }
  return form
}

const NUMBER = /^-?\d+(\.\d+)?$/

/**
 * The answers to send, or the first problem of each field, by the server's own rule
 * (`answerProblems`). A number field's text that does not read as a number goes to the rule as
 * text, which it refuses in its words.
 */
export function answersFromForm(fields: readonly SignUpField[], form: SignUpForm): { answers: SignUpAnswers } | { errors: SignUpFormErrors } {
  const answers: Record<string, SignUpAnswers[string]> = {}
  for (const f of fields) {
    const raw = form[f.key]
    if (f.type === 'multi') {
      if (Array.isArray(raw) && raw.length) answers[f.key] = [...raw]
      continue
    }
    const text = typeof raw === 'string' ? raw.trim() : ''
    if (text) answers[f.key] = f.type === 'number' && NUMBER.test(text) ? Number(text) : text
  }
  const errors: Record<string, string> = {}
  for (const p of answerProblems(fields, answers)) errors[p.field] ??= p.message
  return Object.keys(errors).length ? { errors } : { answers }
}

/** Tapping an option: a single choice switches (or clears, when tapped again); a multi choice toggles. */
export function toggleOption(field: SignUpField, current: FormValue | undefined, option: string): FormValue {
  if (field.type === 'multi') {
    const list = Array.isArray(current) ? current : []
    return list.includes(option) ? list.filter((x) => x !== option) : [...list, option]
  }
  return current === option ? '' : option
}
