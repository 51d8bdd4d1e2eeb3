import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import type { MemberDetail } from '@shared/contract'
import { PERSON_NAME } from '@shared/contract/member.fields'
import { MEMBER_STATUSES } from '@shared/domain/roster'
import { invalidate, setQueryData, useMutation, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { QueryView } from '../../../components/QueryView'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { Field, InputField, PickerFace } from '../shared/Field'
import { RolesCard } from './RolesCard'
import { grantsOf, profileChanges, profileFormOf, rolesFormOf, type ProfileForm, type ProfileFormErrors, type RolesForm } from './form'
import '../shared/admin.scss'
import { todayText } from '../../../constants/groups'
import { calendarDayText } from '@shared/domain/time'
import './index.scss'
import { COLORS } from '../../../styles/colors'

const GENDERS = ['男', '女'] as const
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
const DAYS = Array.from({ length: 31 }, (_, i) => `${i + 1}日`)
const pad = (n: number) => String(n).padStart(2, '0')
const birthdayText = (mmdd: string) => (mmdd ? `${Number(mmdd.slice(0, 2))}月${Number(mmdd.slice(3, 5))}日` : '')

/** 会员信息: edit one member, set their roles, unbind their WeChat. */
export default function MemberPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const loaded = useQuery('member.get', { id }, { silent: true, enabled: Boolean(id) })
  // As loaded, or as the last change answered (cached in its place).
  const member = loaded.data
  const departments = useQuery('member.departments', {}, { silent: true })
  const points = useQuery('benefit.points', {}, { silent: true })
  const [form, setForm] = useState<ProfileForm>()
  const [errors, setErrors] = useState<ProfileFormErrors>({})
  const [roles, setRoles] = useState<RolesForm>()
  const [rolesError, setRolesError] = useState<string>()
  const m = useMutation<'save' | 'roles' | 'unbind' | 'invite'>()

  // Whatever the server answered last (load, save, roles, unbind) is what the form starts from.
  useEffect(() => {
    const next = loaded.data
    if (!next) return
    setForm(profileFormOf(next))
    setErrors({})
    setRoles(rolesFormOf(next.grants))
    setRolesError(undefined)
  }, [loaded.data])

  const deptList = departments.data ?? []
  const deptName = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data])

  const edit = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const editRoles = (patch: Partial<RolesForm>) => {
    setRoles((r) => (r ? { ...r, ...patch } : r))
    setRolesError(undefined)
  }

  // The answer is the member as now saved: the form starts from it, and everything else about members
  // (名册, the caller's own roles) loads again where next shown. A failure keeps what was typed.
  const change = (what: 'save' | 'roles' | 'unbind', call: () => Promise<MemberDetail>) =>
    m.run(
      what,
      async () => {
        const next = await call()
        invalidate('member')
        setQueryData('member.get', { id }, next)
      },
      { success: what === 'unbind' ? '已解绑' : '已保存' },
    )

  const save = () => {
    if (!member || !form) return
    const checked = profileChanges(member, form)
    if ('errors' in checked) return setErrors(checked.errors)
    if (Object.keys(checked.changes).length === 0) return void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' })
    void change('save', () => callAction('member.update', { id: member.id, ...checked.changes }))
  }

  const saveRoles = () => {
    if (!member || !roles) return
    const checked = grantsOf(roles)
    if ('error' in checked) return setRolesError(checked.error)
    void change('roles', () => callAction('member.setRoles', { id: member.id, grants: checked.grants }))
  }

  const unbind = async () => {
    if (!member) return
    const { confirm } = await Taro.showModal({
      title: '解绑微信',
      content: `解绑后，${member.name}需要重新绑定才能使用小程序（例如换了手机、微信号）。确定解绑吗？`,
      confirmText: '解绑',
      confirmColor: COLORS.brand,
    })
    if (confirm) void change('unbind', () => callAction('member.unbind', { id: member.id }))
  }

  const invite = () => {
    if (!member) return
    void m.run(
      'invite',
      async () => {
        const { created } = await callAction('member.createInvites', { memberIds: [member.id] })
        void Taro.navigateTo({ url: ROUTES.adminInvites })
        void Taro.showToast({ title: created ? '邀请码已生成' : '这位会员已有未使用的邀请码', icon: 'none' })
      },
      { invalidates: ['member.listInvites'] },
    )
  }

  const deptIndex = form
    ? Math.max(
        0,
        deptList.findIndex((d) => d.id === form.departmentId),
      )
    : 0
  const birthdayValue = form?.birthday ? [Number(form.birthday.slice(0, 2)) - 1, Number(form.birthday.slice(3, 5)) - 1] : [0, 0]

  return (
    <View className="page page-admin-member">
      <PageHeader title={member?.name ?? '会员信息'} subtitle={member ? `会员编号 ${member.memberNo}` : undefined} />
      <QueryView query={loaded} missing={id ? undefined : '没有找到这位会员'} rows={5} art="me">
        {(member) =>
          form && roles ? (
            <>
              <View className="admin-card member-profile">
                <View className="admin-card__title">基本信息</View>
                <InputField
                  label="姓名"
                  error={errors.name}
                  inputClass="member-name-input"
                  value={form.name}
                  maxlength={PERSON_NAME.max}
                  onInput={(value) => edit('name', value)}
                />
                <Field label="会员编号" valueClass="admin-muted">
                  {member.memberNo}（导入名册时按编号对应，不能修改）
                </Field>
                <Field label="性别">
                  <Picker
                    mode="selector"
                    range={[...GENDERS]}
                    value={Math.max(0, GENDERS.indexOf(form.gender as '男'))}
                    onChange={(e) => edit('gender', GENDERS[Number(e.detail.value)])}
                  >
                    <PickerFace className="member-gender">{form.gender}</PickerFace>
                  </Picker>
                </Field>
                <Field label="部门">
                  <Picker
                    mode="selector"
                    range={deptList.map((d) => d.name)}
                    value={deptIndex}
                    disabled={!deptList.length}
                    onChange={(e) => edit('departmentId', deptList[Number(e.detail.value)]?.id ?? form.departmentId)}
                  >
                    <PickerFace className="member-department">{deptName.get(form.departmentId) ?? member.department}</PickerFace>
                  </Picker>
                </Field>
                <InputField
                  label="手机号"
                  error={errors.phone}
                  inputClass="member-phone-input"
                  type="number"
                  maxlength={11}
                  value={form.phone}
                  placeholder="11 位手机号"
                  onInput={(value) => edit('phone', value)}
                />
                <Field label="生日" error={errors.birthday}>
                  <Picker
                    mode="multiSelector"
                    range={[MONTHS, DAYS]}
                    value={birthdayValue}
                    onChange={(e) => {
                      const [month, day] = e.detail.value as number[]
                      edit('birthday', `${pad(Number(month) + 1)}-${pad(Number(day) + 1)}`)
                    }}
                  >
                    <PickerFace className="member-birthday">{birthdayText(form.birthday)}</PickerFace>
                  </Picker>
                </Field>
                <Field label="入会日期" error={errors.joinDate}>
                  <Picker
                    mode="date"
                    value={form.joinDate || todayText()}
                    start="1950-01-01"
                    end={todayText()}
                    onChange={(e) => edit('joinDate', String(e.detail.value))}
                  >
                    <PickerFace className="member-join-date">{form.joinDate && calendarDayText(form.joinDate, new Date())}</PickerFace>
                  </Picker>
                </Field>
                <Field label="状态">
                  <Picker
                    mode="selector"
                    range={[...MEMBER_STATUSES]}
                    value={Math.max(0, MEMBER_STATUSES.indexOf(form.status))}
                    onChange={(e) => edit('status', MEMBER_STATUSES[Number(e.detail.value)])}
                  >
                    <PickerFace className="member-status">{form.status}</PickerFace>
                  </Picker>
                </Field>
                <View className="admin-actions">
                  <Button className="member-save" type="primary" block loading={m.busy === 'save'} onClick={save}>
                    保存信息
                  </Button>
                </View>
              </View>

              <RolesCard
                roles={roles}
                onChange={editRoles}
                departments={deptList}
                points={points.data ?? []}
                error={rolesError}
                saving={m.busy === 'roles'}
                onSave={saveRoles}
              />

              <View className="admin-card member-binding">
                <View className="admin-card__title">微信绑定</View>
                {member.bound ? (
                  <>
                    <View className="admin-card__note">已绑定微信。会员换了手机或微信号时，解绑后让他重新绑定。</View>
                    <View className="admin-actions">
                      <Button className="member-unbind" type="danger" fill="outline" block loading={m.busy === 'unbind'} onClick={() => void unbind()}>
                        解绑微信
                      </Button>
                    </View>
                  </>
                ) : (
                  <>
                    <View className="admin-card__note">还没有绑定微信。可以生成邀请码发给他，或让他用会员编号、姓名和手机号后四位自行绑定。</View>
                    <View className="admin-actions">
                      <Button className="member-invite" type="primary" fill="outline" block loading={m.busy === 'invite'} onClick={invite}>
                        生成邀请码
                      </Button>
                    </View>
                  </>
                )}
              </View>
              <View className="admin-footer" />
            </>
          ) : null
        }
      </QueryView>
    </View>
  )
}
