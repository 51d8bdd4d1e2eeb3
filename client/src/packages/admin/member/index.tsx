import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, View } from '@tarojs/components'
import type { MemberDetail } from '@shared/contract'
import { MEMBER_STATUSES } from '@shared/domain/roster'
import { ROLE_LABELS } from '@shared/domain/roles'
import { invalidate, setQueryData, useMutation, useQuery } from '../../../data'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { Checkbox } from '../shared/nutui'
import { grantsOf, profileChanges, profileFormOf, rolesFormOf, type ProfileForm, type ProfileFormErrors, type RolesForm } from './form'
import '../shared/admin.scss'
import { todayText } from '../../../constants/groups'
import { calendarDayText } from '@shared/domain/time'
import './index.scss'

const GENDERS = ['男', '女'] as const
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
const DAYS = Array.from({ length: 31 }, (_, i) => `${i + 1}日`)
const pad = (n: number) => String(n).padStart(2, '0')
const birthdayText = (mmdd: string) => (mmdd ? `${Number(mmdd.slice(0, 2))}月${Number(mmdd.slice(3, 5))}日` : '')

/** 会员信息: edit one member, set their roles, unbind their WeChat. */
export default function MemberPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const loaded = useQuery('member.get', { id }, { silent: true })
  const departments = useQuery('member.departments', {}, { silent: true })
  const points = useQuery('benefit.points', {}, { silent: true })
  const [member, setMember] = useState<MemberDetail>()
  const [form, setForm] = useState<ProfileForm>()
  const [errors, setErrors] = useState<ProfileFormErrors>({})
  const [roles, setRoles] = useState<RolesForm>()
  const [rolesError, setRolesError] = useState<string>()
  const m = useMutation<'save' | 'roles' | 'unbind' | 'invite'>()

  // Whatever the server answered last (load, save, roles, unbind) is what the form starts from.
  useEffect(() => {
    const next = loaded.data
    if (!next) return
    setMember(next)
    setForm(profileFormOf(next))
    setErrors({})
    setRoles(rolesFormOf(next.grants))
    setRolesError(undefined)
  }, [loaded.data])

  const deptList = departments.data ?? []
  const deptName = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data])
  const pointList = points.data ?? []
  const pointName = useMemo(() => new Map((points.data ?? []).map((p) => [p.id, p.name])), [points.data])

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
      confirmColor: '#c8161d',
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

  if (!id) {
    return (
      <View className="page page-admin-member">
        <PageHeader title="会员信息" />
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这位会员')} art="me" />
      </View>
    )
  }

  const deptIndex = form
    ? Math.max(
        0,
        deptList.findIndex((d) => d.id === form.departmentId),
      )
    : 0
  const birthdayValue = form?.birthday ? [Number(form.birthday.slice(0, 2)) - 1, Number(form.birthday.slice(3, 5)) - 1] : [0, 0]
  const departmentOptions = deptList.filter((d) => !roles?.leaderDepartments.includes(d.id))

  return (
    <View className="page page-admin-member">
      <PageHeader title={member?.name ?? '会员信息'} subtitle={member ? `会员编号 ${member.memberNo}` : undefined} />
      {loaded.loading && !member ? (
        <LoadingState rows={5} />
      ) : loaded.error && !member ? (
        <ErrorState error={loaded.error} onRetry={() => void loaded.reload()} art="me" />
      ) : member && form && roles ? (
        <>
          <View className="admin-card member-profile">
            <View className="admin-card__title">基本信息</View>
            <View className="admin-field">
              <View className="admin-field__label">姓名</View>
              <View className="admin-field__value">
                <Input className="admin-field__input member-name-input" value={form.name} maxlength={20} onInput={(e) => edit('name', e.detail.value)} />
                {errors.name ? <View className="admin-field__error">{errors.name}</View> : null}
              </View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">会员编号</View>
              <View className="admin-field__value admin-muted">{member.memberNo}（导入名册时按编号对应，不能修改）</View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">性别</View>
              <View className="admin-field__value">
                <Picker
                  mode="selector"
                  range={[...GENDERS]}
                  value={Math.max(0, GENDERS.indexOf(form.gender as '男'))}
                  onChange={(e) => edit('gender', GENDERS[Number(e.detail.value)])}
                >
                  <View className="admin-field__picker member-gender">
                    {form.gender || <View className="admin-placeholder">未填写</View>}
                    <View className="admin-field__arrow">›</View>
                  </View>
                </Picker>
              </View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">部门</View>
              <View className="admin-field__value">
                <Picker
                  mode="selector"
                  range={deptList.map((d) => d.name)}
                  value={deptIndex}
                  disabled={!deptList.length}
                  onChange={(e) => edit('departmentId', deptList[Number(e.detail.value)]?.id ?? form.departmentId)}
                >
                  <View className="admin-field__picker member-department">
                    {deptName.get(form.departmentId) ?? member.department}
                    <View className="admin-field__arrow">›</View>
                  </View>
                </Picker>
              </View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">手机号</View>
              <View className="admin-field__value">
                <Input
                  className="admin-field__input member-phone-input"
                  type="number"
                  maxlength={11}
                  value={form.phone}
                  placeholder="11 位手机号"
                  onInput={(e) => edit('phone', e.detail.value)}
                />
                {errors.phone ? <View className="admin-field__error">{errors.phone}</View> : null}
              </View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">生日</View>
              <View className="admin-field__value">
                <Picker
                  mode="multiSelector"
                  range={[MONTHS, DAYS]}
                  value={birthdayValue}
                  onChange={(e) => {
                    const [month, day] = e.detail.value as number[]
                    edit('birthday', `${pad(Number(month) + 1)}-${pad(Number(day) + 1)}`)
                  }}
                >
                  <View className="admin-field__picker member-birthday">
                    {birthdayText(form.birthday) || <View className="admin-placeholder">未填写</View>}
                    <View className="admin-field__arrow">›</View>
                  </View>
                </Picker>
                {errors.birthday ? <View className="admin-field__error">{errors.birthday}</View> : null}
              </View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">入会日期</View>
              <View className="admin-field__value">
                <Picker
                  mode="date"
                  value={form.joinDate || todayText()}
                  start="1950-01-01"
                  end={todayText()}
                  onChange={(e) => edit('joinDate', String(e.detail.value))}
                >
                  <View className="admin-field__picker member-join-date">
                    {form.joinDate ? calendarDayText(form.joinDate, new Date()) : <View className="admin-placeholder">未填写</View>}
                    <View className="admin-field__arrow">›</View>
                  </View>
                </Picker>
                {errors.joinDate ? <View className="admin-field__error">{errors.joinDate}</View> : null}
              </View>
            </View>
            <View className="admin-field">
              <View className="admin-field__label">状态</View>
              <View className="admin-field__value">
                <Picker
                  mode="selector"
                  range={[...MEMBER_STATUSES]}
                  value={Math.max(0, MEMBER_STATUSES.indexOf(form.status))}
                  onChange={(e) => edit('status', MEMBER_STATUSES[Number(e.detail.value)])}
                >
                  <View className="admin-field__picker member-status">
                    {form.status}
                    <View className="admin-field__arrow">›</View>
                  </View>
                </Picker>
              </View>
            </View>
            <View className="admin-actions">
              <Button className="member-save" type="primary" block loading={m.busy === 'save'} onClick={save}>
                保存信息
              </Button>
            </View>
          </View>

          <View className="admin-card member-roles">
            <View className="admin-card__title">角色</View>
            <View className="admin-card__note">每位会员都可以报名活动、领取福利；下面的角色另有管理权限。</View>
            <View className="member-role">
              <Checkbox className="member-role-admin" checked={roles.admin} label={ROLE_LABELS.admin} onChange={(v) => editRoles({ admin: v })} />
              <View className="member-role__hint">管理会员、活动、福利和帮扶标准（不含查看帮扶申请）</View>
            </View>
            <View className="member-role">
              <Checkbox className="member-role-reviewer" checked={roles.reviewer} label={ROLE_LABELS.reviewer} onChange={(v) => editRoles({ reviewer: v })} />
              <View className="member-role__hint">查看和审批帮扶、慰问申请，管理困难职工档案</View>
            </View>
            <View className="member-role">
              <Checkbox className="member-role-auditor" checked={roles.auditor} label={ROLE_LABELS.auditor} onChange={(v) => editRoles({ auditor: v })} />
              <View className="member-role__hint">查看经费收支，不能修改</View>
            </View>
            <View className="member-role">
              <Checkbox className="member-role-leader" checked={roles.leader} label={ROLE_LABELS.leader} onChange={(v) => editRoles({ leader: v })} />
              <View className="member-role__hint">负责所带部门会员的通知和慰问</View>
              {roles.leader ? (
                <View className="member-role__scope">
                  {roles.leaderDepartments.map((deptId) => (
                    <View
                      key={deptId}
                      className="admin-tag admin-tag--primary member-role__chip"
                      onClick={() => editRoles({ leaderDepartments: roles.leaderDepartments.filter((x) => x !== deptId) })}
                    >
                      {deptName.get(deptId) ?? deptId} ×
                    </View>
                  ))}
                  {roles.kept.map((g) => (
                    <View key={`${g.scope?.kind}:${g.scope?.id}`} className="admin-tag member-role__chip">
                      兴趣小组 {g.scope?.id}
                    </View>
                  ))}
                  {departmentOptions.length ? (
                    <Picker
                      mode="selector"
                      range={departmentOptions.map((d) => d.name)}
                      onChange={(e) => {
                        const picked = departmentOptions[Number(e.detail.value)]
                        if (picked) editRoles({ leaderDepartments: [...roles.leaderDepartments, picked.id] })
                      }}
                    >
                      <View className="member-role__add member-leader-add">＋ 选择所带部门</View>
                    </Picker>
                  ) : null}
                </View>
              ) : null}
            </View>
            <View className="member-role">
              <Checkbox className="member-role-redeemer" checked={roles.redeemer} label={ROLE_LABELS.redeemer} onChange={(v) => editRoles({ redeemer: v })} />
              <View className="member-role__hint">在核销点为会员核销福利券</View>
              {roles.redeemer ? (
                <View className="member-role__scope">
                  {roles.pointIds.map((pointId) => (
                    <View
                      key={pointId}
                      className="admin-tag admin-tag--primary member-role__chip"
                      onClick={() => editRoles({ pointIds: roles.pointIds.filter((x) => x !== pointId) })}
                    >
                      {pointName.get(pointId) ?? pointId} ×
                    </View>
                  ))}
                  {pointList.some((p) => !roles.pointIds.includes(p.id)) ? (
                    <Picker
                      mode="selector"
                      range={pointList.filter((p) => !roles.pointIds.includes(p.id)).map((p) => p.name)}
                      onChange={(e) => {
                        const picked = pointList.filter((p) => !roles.pointIds.includes(p.id))[Number(e.detail.value)]
                        if (picked) editRoles({ pointIds: [...roles.pointIds, picked.id] })
                      }}
                    >
                      <View className="member-role__add member-point-add">＋ 选择兑换点</View>
                    </Picker>
                  ) : pointList.length ? null : (
                    <View className="member-role__hint">还没有兑换点，请先在「福利发放」里添加</View>
                  )}
                </View>
              ) : null}
            </View>
            {rolesError ? <View className="admin-field__error member-roles-error">{rolesError}</View> : null}
            <View className="admin-actions">
              <Button className="member-save-roles" type="primary" fill="outline" block loading={m.busy === 'roles'} onClick={saveRoles}>
                保存角色
              </Button>
            </View>
          </View>

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
      ) : null}
    </View>
  )
}
