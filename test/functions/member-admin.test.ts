import { appServerForFile } from '../support/app-server'
import { writeCount } from '../support/write-count'
import ExcelJS from 'exceljs'

const app = appServerForFile()

const admin = (name: string, data: object = {}) => app.call(name, data, 'demo-admin')

describe('the roster for admins', () => {
  it('pages through members in 会员编号 order with the total', async () => {
    const first = (await admin('member.list', { page: 1, pageSize: 12 })).body.data
    const third = (await admin('member.list', { page: 3, pageSize: 12 })).body.data
    expect(first.total).toBe(30)
    expect(first.items).toHaveLength(12)
    expect(third.items).toHaveLength(6)
    expect(first.items[0]).toMatchObject({ memberNo: 'GH2026001', name: '张伟', department: '办公室', bound: true })
    expect(first.items[0].phone).toMatch(/^1\d{10}$/)
  })

  it('searches by name or 会员编号 prefix, literally', async () => {
    expect((await admin('member.list', { keyword: '李' })).body.data.items.map((m: { name: string }) => m.name)).toEqual(['李娜'])
    expect((await admin('member.list', { keyword: 'gh202601' })).body.data.total).toBe(10)
    expect((await admin('member.list', { keyword: '.*' })).body.data.total).toBe(0)
  })

  it('filters by department and status', async () => {
    const retired = (await admin('member.list', { status: '退休' })).body.data.items.map((m: { name: string }) => m.name)
    expect(retired.sort()).toEqual(['朱红', '梁勇'].sort())
    const office = (await admin('member.list', { departmentId: 'demo-dept-1' })).body.data
    expect(office.items.every((m: { department: string }) => m.department === '办公室')).toBe(true)
  })

  it('refuses out-of-range paging with a Chinese message', async () => {
    expect((await admin('member.list', { pageSize: 500 })).body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '每页条数不能大于 100' })
  })
})

describe('editing a member', () => {
  it('updates the given fields and moves the member to another department', async () => {
    const res = await admin('member.update', { id: 'demo-member-20', phone: '13600000020', departmentId: 'demo-dept-1', birthday: '02-29' })
    expect(res.body).toMatchObject({ ok: true, data: { phone: '13600000020', department: '办公室', birthday: '02-29' } })
    expect((await admin('member.get', { id: 'demo-member-20' })).body.data.department).toBe('办公室')
  })

  it('writes nothing when nothing changed, and refuses bad values', async () => {
    const before = writeCount(app.stats)
    await admin('member.update', { id: 'demo-member-20', phone: '13600000020' })
    expect(writeCount(app.stats)).toBe(before)
    expect((await admin('member.update', { id: 'demo-member-20', phone: '12345' })).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '手机号的格式不对',
    })
    expect((await admin('member.update', { id: 'demo-member-20', birthday: '13-01' })).body.error.code).toBe('INVALID_ARGUMENT')
    expect((await admin('member.update', { id: 'demo-member-20', departmentId: 'nope' })).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '没有这个部门',
    })
    expect((await admin('member.update', { id: 'demo-member-20', memberNo: 'X' })).body.error.code).toBe('INVALID_ARGUMENT')
    expect(writeCount(app.stats)).toBe(before)
  })
})

describe('roles', () => {
  it('grants a scoped leader role, shown on the member’s 我的', async () => {
    const res = await admin('member.setRoles', {
      id: 'demo-member-08',
      grants: [{ role: 'leader', scope: { kind: 'department', id: 'demo-dept-4' } }, { role: 'auditor' }],
    })
    expect(res.body.data.grants).toEqual([{ role: 'leader', scope: { kind: 'department', id: 'demo-dept-4' } }, { role: 'auditor' }])
    // Setting the same grants again changes nothing.
    const again = await admin('member.setRoles', {
      id: 'demo-member-08',
      grants: [{ role: 'leader', scope: { kind: 'department', id: 'demo-dept-4' } }, { role: 'auditor' }],
    })
    expect(again.body.data.grants).toHaveLength(2)
    const removed = await admin('member.setRoles', { id: 'demo-member-08', grants: [{ role: 'auditor' }] })
    expect(removed.body.data.grants).toEqual([{ role: 'auditor' }])
  })

  it('refuses a leader without a scope, an unknown department, and an admin removing their own admin role', async () => {
    const before = writeCount(app.stats)
    expect((await admin('member.setRoles', { id: 'demo-member-09', grants: [{ role: 'leader' }] })).body.error.message).toBe('组长需要指定所带的部门或兴趣小组')
    expect(
      (await admin('member.setRoles', { id: 'demo-member-09', grants: [{ role: 'leader', scope: { kind: 'department', id: 'nope' } }] })).body.error.message,
    ).toBe('没有这个部门')
    expect((await admin('member.setRoles', { id: 'demo-member-01', grants: [] })).body.error).toMatchObject({
      code: 'CONFLICT',
      message: '不能取消自己的管理员身份，请让另一位管理员操作',
    })
    expect(writeCount(app.stats)).toBe(before)
  })
})

describe('invite codes', () => {
  it('creates codes for every unbound active member and exports them as XLSX', async () => {
    const created = (await admin('member.createInvites')).body.data
    // 30 members: 5 bound demo accounts and 2 retirees… retirees are still members: only 离会 are skipped.
    expect(created.created).toBeGreaterThanOrEqual(20)
    const again = (await admin('member.createInvites')).body.data
    expect(again.created).toBe(0)

    const exported = (await admin('member.exportInvites')).body.data
    expect(exported.count).toBe((await admin('member.listInvites', { pageSize: 100 })).body.data.total)
    const file = await fetch(exported.url)
    expect(file.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as never)
    const sheet = book.worksheets[0]
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '部门', '会员编号', '邀请码', '有效期至'])
    expect(sheet.rowCount).toBe(exported.count + 1)
    expect(String(sheet.getRow(2).getCell(4).value)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  })
})

it('departments are listed for any member, by name', async () => {
  const res = await app.call('member.departments', {}, 'demo-member')
  expect(res.body.data.map((d: { name: string }) => d.name).sort()).toEqual(['人事科', '信息中心', '办公室', '后勤服务中心', '财务科'].sort())
})
