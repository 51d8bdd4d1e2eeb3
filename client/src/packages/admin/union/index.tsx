import { useState } from 'react'
import { View } from '@tarojs/components'
import type { MeView, UnionContact } from '@shared/contract'
import { refreshSession, useMutation } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { Button } from '../../../ui/nutui'
import { AdminGate } from '../shared/AdminGate'
import { InputField } from '../shared/Field'
import { checkContact, PHONE_MAX, PLACE_MAX, type ContactErrors } from './form'
import '../shared/admin.scss'
import './index.scss'

/** 工会联系方式: the phone and place every member sees under 联系工会 on 我的. */
export default function UnionContactPage() {
  return (
    <View className="page page-admin-union">
      <PageHeader title="工会联系方式" subtitle="会员在「我的 → 联系工会」看到这里的电话和地点" />
      <AdminGate>{(me) => <ContactForm me={me} />}</AdminGate>
    </View>
  )
}

function ContactForm({ me }: { me: MeView }) {
  const [form, setForm] = useState<UnionContact>(me.union.contact ?? { phone: '', place: '' })
  const [errors, setErrors] = useState<ContactErrors>({})
  const [failure, setFailure] = useState<string>()
  const m = useMutation()

  const edit = (key: keyof UnionContact, value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
    setFailure(undefined)
  }

  const save = async () => {
    if (m.busy) return
    const checked = checkContact(form)
    if ('errors' in checked) {
      setErrors(checked.errors)
      return
    }
    const saved = await m.run('save', () => callAction('member.setUnionContact', checked.value, { silent: true }), {
      success: '已保存',
      onError: (err) => setFailure(err.message),
    })
    if (!saved) return
    setForm(saved)
    // 我的 (alive under this page) shows the new contact when it is shown again.
    refreshSession()
  }

  return (
    <>
      <View className="admin-card union-contact-form">
        <InputField
          label="联系电话"
          error={errors.phone}
          errorClass="union-phone-error"
          inputClass="union-phone-input"
          type="text"
          maxlength={PHONE_MAX}
          value={form.phone}
          placeholder="例如：0571-87001234"
          onInput={(value) => edit('phone', value)}
        />
        <InputField
          label="办公地点"
          error={errors.place}
          errorClass="union-place-error"
          inputClass="union-place-input"
          maxlength={PLACE_MAX}
          value={form.place}
          placeholder="例如：机关大楼 3 楼 305 室"
          onInput={(value) => edit('place', value)}
        />
      </View>
      {failure ? <View className="admin-field__error union-contact-failure">{failure}</View> : null}
      <View className="admin-actions">
        <Button className="union-contact-save" type="primary" block loading={m.busy === 'save'} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </>
  )
}
