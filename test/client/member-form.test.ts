/** The admin's member form: only changed fields are sent, checked like the server; roles ↔ grants. */
import type { MemberDetail } from '@shared/contract'
import { grantsOf, profileChanges, profileFormOf, rolesFormOf } from '../../client/src/packages/admin/member/form'

const member: MemberDetail = {
  id: 'demo-member-02',
  name: '李娜',
  gender: '女',
  departmentId: 'demo-dept-2',
  department: '财务科',
  memberNo: 'GH2026002',
  phone: '13910007919',
  status: '在职',
  bound: true,
  birthday: '02-02',
  joinDate: '2011-02-01',
  grants: [{ role: 'leader', scope: { kind: 'department', id: 'demo-dept-2' } }],
}

describe('profileChanges', () => {
  it('sends nothing for an untouched form', () => {
    expect(profileChanges(member, profileFormOf(member))).toEqual({ changes: {} })
  })

  it('sends only what changed, trimmed', () => {
    const form = { ...profileFormOf(member), name: ' 李娜娜 ', departmentId: 'demo-dept-3', phone: '139 1000 7920', birthday: '12-31', status: '退休' as const }
    expect(profileChanges(member, form)).toEqual({
      changes: { name: '李娜娜', departmentId: 'demo-dept-3', phone: '13910007920', birthday: '12-31', status: '退休' },
    })
  })

  it('words each problem in Chinese under its field', () => {
    const form = { ...profileFormOf(member), name: '', phone: '12345', birthday: '13-01', joinDate: '2020/3/1' }
    expect(profileChanges(member, form)).toEqual({
      errors: { name: '姓名不能为空', phone: '手机号应为 11 位数字', birthday: '生日请写成 05-12 这样的月-日', joinDate: '入会日期请写成 2020-03-01' },
    })
    expect(profileChanges(member, { ...profileFormOf(member), phone: '' })).toEqual({ errors: { phone: '手机号不能清空' } })
  })
})

describe('roles', () => {
  it('reads grants into the form and writes the same grants back', () => {
    const form = rolesFormOf(member.grants)
    expect(form).toMatchObject({ admin: false, auditor: false, leader: true, leaderDepartments: ['demo-dept-2'], redeemer: false })
    expect(grantsOf(form)).toEqual({ grants: [{ role: 'leader', scope: { kind: 'department', id: 'demo-dept-2' } }] })
  })

  it('builds admin, auditor, several departments and several redemption points', () => {
    const form = {
      ...rolesFormOf([]),
      admin: true,
      auditor: true,
      leader: true,
      leaderDepartments: ['d1', 'd2'],
      redeemer: true,
      pointIds: ['point-1', 'point-2'],
    }
    expect(grantsOf(form)).toEqual({
      grants: [
        { role: 'admin' },
        { role: 'auditor' },
        { role: 'leader', scope: { kind: 'department', id: 'd1' } },
        { role: 'leader', scope: { kind: 'department', id: 'd2' } },
        { role: 'redeemer', scope: { kind: 'point', id: 'point-1' } },
        { role: 'redeemer', scope: { kind: 'point', id: 'point-2' } },
      ],
    })
  })

  it('grants 帮扶审核 on its own: an admin sees requests only with it', () => {
    const form = rolesFormOf([{ role: 'admin' }, { role: 'reviewer' }])
    expect(form).toMatchObject({ admin: true, reviewer: true })
    expect(grantsOf(form)).toEqual({ grants: [{ role: 'admin' }, { role: 'reviewer' }] })
    expect(grantsOf({ ...form, reviewer: false })).toEqual({ grants: [{ role: 'admin' }] })
  })

  it('keeps a 兴趣小组 leader grant it does not edit', () => {
    const form = rolesFormOf([{ role: 'leader', scope: { kind: 'group', id: 'g1' } }])
    expect(form.leaderDepartments).toEqual([])
    expect(grantsOf(form)).toEqual({ grants: [{ role: 'leader', scope: { kind: 'group', id: 'g1' } }] })
  })

  it('asks for the scope a role needs, as the server would', () => {
    expect(grantsOf({ ...rolesFormOf([]), leader: true })).toEqual({ error: '请为组长选择所带的部门' })
    expect(grantsOf({ ...rolesFormOf([]), redeemer: true })).toEqual({ error: '请为核销员选择兑换点' })
  })
})
