import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ActivityDetail } from '@shared/contract'
import { MAX_ANSWER_LENGTH, type SignUpField } from '@shared/domain/activity'
import { useMutation, useQuery } from '../../data'
import { ActionError, callAction } from '../../services/cloud'
import { askToSubscribe, prepareSubscribe, remindIf } from '../../services/subscribe'
import { QueryView } from '../../components/QueryView'
import { Button } from '../../ui/nutui'
import { idParam, dateTimeText, isFull } from '../../constants/activities'
import { signedUpToast } from '../activity/state'
import { handRefresh } from '../activity/refresh'
import { answersFromForm, formFromPrefill, toggleOption, type SignUpForm, type SignUpFormErrors } from './form'
import './index.scss'

/** 填写报名信息: the event's extra questions, pre-filled from last time, checked before sending. */
export default function ActivitySignUpPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const detail = useQuery('activity.get', { id }, { silent: true, enabled: Boolean(id) })
  const [form, setForm] = useState<SignUpForm>()
  const [errors, setErrors] = useState<SignUpFormErrors>({})
  const [failure, setFailure] = useState<string>()
  const m = useMutation<'submit'>()
  const a = detail.data

  // Filled once, from the first answer: the member's typing is not overwritten by a later one.
  useEffect(() => {
    if (a && !form) setForm(formFromPrefill(a.fields, a.prefill))
  }, [a, form])
  // WeChat's dialog needs the template ids at hand when 提交 is tapped.
  useEffect(prepareSubscribe, [])

  const edit = (key: string, value: SignUpForm[string]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: '' }))
    setFailure(undefined)
  }

  /** The server names the field it refused as answers.<key>: the sentence goes under that field, else above 提交. */
  const showRefusal = (activity: ActivityDetail, error: ActionError) => {
    const field = typeof error.details?.field === 'string' && error.details.field.startsWith('answers.') ? error.details.field.slice('answers.'.length) : ''
    if (field && activity.fields.some((f) => f.key === field)) setErrors((e) => ({ ...e, [field]: error.message }))
    else setFailure(error.message)
  }

  const submit = async (activity: ActivityDetail) => {
    if (m.busy || !form) return
    const checked = answersFromForm(activity.fields, form)
    if ('errors' in checked) {
      setErrors(checked.errors)
      return
    }
    // Asked in the tap itself (递补 / 抽签结果 / 活动提醒 / 变更); the sign-up goes on whatever the answer.
    const asked = askToSubscribe('signUp')
    setFailure(undefined)
    const res = await m.run(
      'submit',
      async () => callAction('activity.signUp', { id: activity.id, answers: checked.answers, ...remindIf(await asked) }, { silent: true }),
      { invalidates: ['activity'], onError: (error) => showRefusal(activity, error) },
    )
    if (!res) return
    // The detail page under this one shows the answer as it is instead of loading the event again.
    if (res.detail) handRefresh(activity.id, res.detail)
    void Taro.showToast(signedUpToast(res))
    void Taro.navigateBack()
  }

  // A lottery not drawn yet: the form enters the draw.
  const lottery = a?.allocation === 'lottery' && !a.drawnAt

  return (
    <View className="page page-activity-signup">
      <QueryView query={detail} missing={id ? undefined : '没有找到这个活动'} rows={4} art="activities">
        {(a) =>
          // The form is filled from the first answer, a moment after it.
          form && (
            <>
              <View className="signup-head">
                <View className="signup-head__title">{a.title}</View>
                <View className="signup-head__meta">
                  {dateTimeText(a.startAt)} · {a.place}
                </View>
              </View>
              {a.myStatus === 'confirmed' || a.myStatus === 'waiting' || a.myStatus === 'entered' ? (
                <View className="signup-note">
                  你已经{a.myStatus === 'confirmed' ? '报名成功' : a.myStatus === 'entered' ? '报名参加抽签' : '在排队中'}了，无需重复报名。
                </View>
              ) : a.signUpBlockedReason ? (
                <View className="signup-note signup-note--blocked">{a.signUpBlockedReason}</View>
              ) : (
                <>
                  <View className="signup-card">
                    {a.fields.map((f) => (
                      <FieldInput key={f.key} field={f} value={form[f.key]} error={errors[f.key]} onChange={(v) => edit(f.key, v)} />
                    ))}
                  </View>
                  {failure ? <View className="signup-failure">{failure}</View> : null}
                  <View className="signup-actions">
                    <Button
                      className="signup-submit"
                      type="primary"
                      block
                      loading={m.busy === 'submit'}
                      disabled={m.busy === 'submit'}
                      onClick={() => void submit(a)}
                    >
                      {lottery ? '提交并参加抽签' : isFull(a) ? '提交并排队' : '提交报名'}
                    </Button>
                    {lottery ? (
                      <View className="signup-hint">{a.drawAt ? `${dateTimeText(a.drawAt)} 抽签` : '报名截止后抽签'}，结果会通知您</View>
                    ) : isFull(a) ? (
                      <View className="signup-hint">名额已满，提交后进入排队，有人取消时按顺序递补</View>
                    ) : null}
                  </View>
                </>
              )}
            </>
          )
        }
      </QueryView>
    </View>
  )
}

interface FieldInputProps {
  field: SignUpField
  value: SignUpForm[string] | undefined
  error: string | undefined
  onChange: (value: SignUpForm[string]) => void
}

function FieldInput({ field: f, value, error, onChange }: FieldInputProps) {
  const chosen = (o: string) => (Array.isArray(value) ? value.includes(o) : value === o)
  return (
    <View className={`signup-field signup-field--${f.type}`} data-field={f.key}>
      <View className="signup-field__label">
        {f.label}
        {f.required ? <Text className="signup-field__required">*</Text> : <Text className="signup-field__optional">选填</Text>}
        {f.type === 'multi' ? <Text className="signup-field__optional">可多选</Text> : null}
      </View>
      {f.type === 'single' || f.type === 'multi' ? (
        <View className="signup-options">
          {(f.options ?? []).map((o) => (
            <View key={o} className={`signup-option${chosen(o) ? ' signup-option--on' : ''}`} onClick={() => onChange(toggleOption(f, value, o))}>
              {o}
            </View>
          ))}
        </View>
      ) : f.type === 'number' ? (
        <Input
          className="signup-input"
          type="digit"
          value={typeof value === 'string' ? value : ''}
          placeholder="请填写数字"
          maxlength={12}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Textarea
          className="signup-textarea"
          value={typeof value === 'string' ? value : ''}
          placeholder="请填写"
          maxlength={MAX_ANSWER_LENGTH}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {error ? <View className="signup-field__error">{error}</View> : null}
    </View>
  )
}
