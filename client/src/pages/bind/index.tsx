import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import type { MeView } from '@shared/contract'
import { TYPED_INVITE_CODE_MAX } from '@shared/contract/member.fields'
import { invalidateAll, setQueryData, useMutation, useSession } from '../../data'
import { callAction } from '../../services/cloud'
import { PageHeader } from '../../components/PageHeader'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { EmptyState } from '../../components/EmptyState'
import { LocalLogin } from '../../components/LocalLogin'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { checkInviteCode, checkProfile, type ProfileErrors, type ProfileInput } from './validate'
import './index.scss'

type Mode = 'code' | 'profile'

/** 会员信息: what the union's roster holds about the member, in the order a member finds it. */
const PROFILE_FIELDS: ReadonlyArray<Pick<FieldProps, 'label' | 'className' | 'placeholder' | 'maxlength' | 'type'> & { key: keyof ProfileInput }> = [
  { key: 'memberNo', label: '会员编号', className: 'bind-member-no-input', placeholder: '如 GH2026001', maxlength: 32 },
  { key: 'name', label: '姓名', className: 'bind-name-input', placeholder: '与工会名册一致', maxlength: 20 },
  { key: 'phoneLast4', label: '手机号后四位', className: 'bind-phone-input', placeholder: '登记在工会的手机号', maxlength: 4, type: 'number' },
]

interface FieldProps {
  label: string
  className: string
  value: string
  placeholder: string
  error?: string
  type?: 'text' | 'number'
  maxlength?: number
  onInput: (value: string) => void
  onConfirm?: () => void
}

function Field({ label, className, value, placeholder, error, type = 'text', maxlength, onInput, onConfirm }: FieldProps) {
  return (
    <View className={`bind-field${error ? ' bind-field--error' : ''}`}>
      <View className="bind-field__label">{label}</View>
      <Input
        className={`bind-field__input ${className}`}
        type={type}
        value={value}
        placeholder={placeholder}
        placeholderClass="bind-field__placeholder"
        maxlength={maxlength}
        confirmType="done"
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={onConfirm}
      />
      {error ? <View className="bind-field__error">{error}</View> : null}
    </View>
  )
}

/**
 * 绑定会员身份: links this WeChat user to a member on the union's roster, by the invite code the
 * union office gave out, or by 会员编号 + 姓名 + the phone's last four digits.
 */
export default function BindPage() {
  const me = useSession()
  const [mode, setMode] = useState<Mode>('code')
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string>()
  const [profile, setProfile] = useState<ProfileInput>({ memberNo: '', name: '', phoneLast4: '' })
  const [profileErrors, setProfileErrors] = useState<ProfileErrors>({})
  const [serverError, setServerError] = useState<string>()
  const binding = useMutation<'bind'>()
  const submitting = binding.busy === 'bind'

  const switchMode = (next: Mode) => {
    setMode(next)
    setServerError(undefined)
  }

  const editCode = (value: string) => {
    setCode(value)
    setCodeError(undefined)
    setServerError(undefined)
  }

  const editProfile = (field: keyof ProfileInput, value: string) => {
    setProfile((p) => ({ ...p, [field]: value }))
    setProfileErrors((e) => ({ ...e, [field]: undefined }))
    setServerError(undefined)
  }

  const submit = async () => {
    if (submitting) return
    let call: () => Promise<MeView>
    setServerError(undefined)
    if (mode === 'code') {
      const checked = checkInviteCode(code)
      if ('error' in checked) return setCodeError(checked.error)
      call = () => callAction('member.bindByCode', { code: checked.code }, { silent: true })
    } else {
      const checked = checkProfile(profile)
      if ('errors' in checked) return setProfileErrors(checked.errors)
      call = () => callAction('member.bindByProfile', checked.value, { silent: true })
    }
    // Refused: what was typed stays, and the server's Chinese sentence says what to do next, once,
    // above the button (a toast as well would say it twice and cover the button).
    const bound = await binding.run('bind', call, { onError: (error) => setServerError(error.message) })
    if (!bound) return
    // Everything shown so far was for nobody: every page loads again when shown. The answer is the
    // session itself, so the tabs that only read it (and 我的, if open) need not ask.
    invalidateAll()
    setQueryData('member.me', {}, bound)
    void Taro.showToast({ title: '绑定成功', icon: 'success', duration: 1500 })
    // switchTab closes this page.
    void Taro.switchTab({ url: ROUTES.me })
  }

  const notBound = me.error?.code === 'NOT_BOUND'

  return (
    <View className="page page-bind">
      <PageHeader title="绑定会员身份" subtitle="绑定后才能报名活动、领取福利" />
      {me.loading ? (
        <LoadingState rows={2} />
      ) : me.data ? (
        <EmptyState
          className="bind-done"
          title={`你已绑定为 ${me.data.member.name}`}
          description={`${me.data.member.department} · ${me.data.union.name}`}
          art="me"
        >
          <Button className="bind-go-me" type="primary" onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
            查看我的
          </Button>
        </EmptyState>
      ) : me.error && !notBound ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} art="me" />
      ) : (
        <>
          <View className="bind-tabs">
            <View className={`bind-tab bind-tab-code${mode === 'code' ? ' bind-tab--active' : ''}`} onClick={() => switchMode('code')}>
              邀请码
            </View>
            <View className={`bind-tab bind-tab-profile${mode === 'profile' ? ' bind-tab--active' : ''}`} onClick={() => switchMode('profile')}>
              会员信息
            </View>
          </View>

          <View className="bind-card">
            {mode === 'code' ? (
              <>
                <Field
                  label="邀请码"
                  className="bind-code-input"
                  value={code}
                  placeholder="如 ABCD-EFGH，大小写都可以"
                  maxlength={TYPED_INVITE_CODE_MAX}
                  error={codeError}
                  onInput={editCode}
                  onConfirm={() => void submit()}
                />
                <View className="bind-hint">邀请码由工会发放，每个码只能用一次。没有邀请码？可以切换到「会员信息」绑定。</View>
              </>
            ) : (
              <>
                {PROFILE_FIELDS.map(({ key, ...field }, i) => (
                  <Field
                    key={key}
                    {...field}
                    value={profile[key]}
                    error={profileErrors[key]}
                    onInput={(v) => editProfile(key, v)}
                    // The last one sends the form from the keyboard.
                    onConfirm={i === PROFILE_FIELDS.length - 1 ? () => void submit() : undefined}
                  />
                ))}
                <View className="bind-hint">会员编号可以向所在部门的工会小组长询问。</View>
              </>
            )}
            {serverError ? <View className="bind-error">{serverError}</View> : null}
            <Button className="bind-submit" type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
              {submitting ? '正在绑定…' : '绑定'}
            </Button>
          </View>

          <View className="bind-privacy">你填写的信息只用于核对会员身份，不会用于其他用途。每个会员只能绑定一个微信，换手机后请联系工会管理员解绑。</View>
        </>
      )}
      <LocalLogin />
    </View>
  )
}
