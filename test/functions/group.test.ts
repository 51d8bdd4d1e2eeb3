import { appServerForFile } from '../support/app-server'
import { upload as uploadFile } from '../support/uploads'
import { callerAs, demoCallers } from '../support/callers'
import { seedOtherUnion } from '../support/other-union'
import { seedManyMembers } from '../support/many-members'
import { eachWritesNothing, writeCount } from '../support/write-count'

const app = appServerForFile()
const as = (openid: string) => callerAs(app, openid)
const { member, leader, admin } = demoCallers(app)
let badminton: string
let photo: string

beforeAll(async () => {
  await seedOtherUnion()
  // 李娜 (demo-leader) leads both; 网球 is open with room for 20, 摄影沙龙 needs approval.
  badminton = (
    await app.call(
      'group.create',
      { name: '网球', description: '每周三晚活动', joinPolicy: 'open', sizeLimit: 20, leaderIds: ['demo-member-02'] },
      'demo-admin',
    )
  ).body.data.id
  photo = (await app.call('group.create', { name: '摄影沙龙', joinPolicy: 'approval', sizeLimit: null, leaderIds: ['demo-member-02'] }, 'demo-admin')).body.data
    .id
})

describe('the 小组 tab', () => {
  it('lists the caller’s own union group first, then the rest', async () => {
    const { mine, others } = (await member('group.list')).body.data
    expect(mine.map((g: { name: string }) => g.name)).toEqual(['信息中心工会小组'])
    expect(mine[0]).toMatchObject({ kind: 'department', myStatus: 'active' })
    expect(others.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['网球', '摄影沙龙', '羽毛球', '办公室工会小组']))
    const office = others.find((g: { name: string }) => g.name === '办公室工会小组')
    expect(office.memberCount).toBeGreaterThan(0)
  })

  it('a leader finds the groups they lead among their own', async () => {
    const { mine } = (await leader('group.list')).body.data
    expect(mine.map((g: { name: string }) => g.name).sort()).toEqual(['摄影', '摄影沙龙', '网球', '羽毛球', '财务科工会小组'].sort())
  })
})

describe('joining', () => {
  it('an open group takes the member at once; asking again changes nothing', async () => {
    expect((await member('group.join', { id: badminton })).body).toEqual({ ok: true, data: { status: 'active' } })
    const before = writeCount(app.stats)
    expect((await member('group.join', { id: badminton })).body.data.status).toBe('active')
    expect(writeCount(app.stats)).toBe(before)
    expect((await member('group.get', { id: badminton })).body.data).toMatchObject({ memberCount: 2, myStatus: 'active', leaders: [{ name: '李娜' }] })
  })

  it('an approval group waits for the leader, who sees the request and approves it', async () => {
    expect((await member('group.join', { id: photo, shareContact: true })).body.data.status).toBe('pending')
    expect((await as('demo-auditor')('group.join', { id: photo })).body.data.status).toBe('pending')
    const requests = (await leader('group.requests', { id: photo })).body.data
    expect(requests.items.map((r: { name: string }) => r.name)).toEqual(['刘洋', '陈静'])
    expect((await leader('group.get', { id: photo })).body.data.pendingCount).toBe(2)
    // The leader's 我的 / 小组 badge counts requests across the groups they lead.
    expect((await leader('member.me')).body.data.badges.groupRequests).toBe(2)
    expect((await member('member.me')).body.data.badges.groupRequests).toBe(0)
    expect((await leader('group.decide', { id: photo, memberId: 'demo-member-04', approve: true })).body.data.status).toBe('active')
    expect((await leader('group.decide', { id: photo, memberId: 'demo-member-05', approve: false, reason: '本期名额已满' })).body.data.status).toBe('declined')
    expect((await member('group.get', { id: photo })).body.data.myStatus).toBe('active')
    expect((await as('demo-auditor')('group.get', { id: photo })).body.data).toMatchObject({
      myStatus: null,
      myDecision: { status: 'declined', reason: '本期名额已满' },
    })
  })

  it('members see names and departments only; the leader sees a phone only where the member agreed', async () => {
    const seenByMember = (await member('group.roster', { id: photo })).body.data.items
    expect(seenByMember).toEqual([
      expect.objectContaining({ name: '李娜', department: '财务科', isLeader: true }),
      expect.objectContaining({ name: '刘洋', department: '信息中心', isLeader: false }),
    ])
    expect(JSON.stringify(seenByMember)).not.toMatch(/phone|1\d{10}/)
    const seenByLeader = (await leader('group.roster', { id: photo })).body.data.items
    expect(seenByLeader.find((e: { name: string }) => e.name === '刘洋').phone).toMatch(/^1\d{10}$/)
    expect(seenByLeader.find((e: { name: string }) => e.name === '李娜').phone).toBeUndefined()
  })

  it('leaving gives the seat back; leaving twice is harmless; a leader must hand over first', async () => {
    await as('demo-redeemer')('group.join', { id: badminton })
    const count = (await member('group.get', { id: badminton })).body.data.memberCount
    expect((await as('demo-redeemer')('group.leave', { id: badminton })).body.data.left).toBe(true)
    expect((await as('demo-redeemer')('group.leave', { id: badminton })).body.data.left).toBe(false)
    expect((await member('group.get', { id: badminton })).body.data.memberCount).toBe(count - 1)
    await as('demo-auditor')('group.join', { id: badminton })
    expect((await leader('group.leave', { id: badminton })).body.error).toMatchObject({
      code: 'CONFLICT',
      message: '您是本小组组长，请先把组长交给其他成员再退出',
    })
  })

  it('union groups follow the roster: no join button', async () => {
    expect((await member('group.join', { id: 'dept:demo-dept-1' })).body.error).toMatchObject({
      code: 'CONFLICT',
      message: '工会小组按部门自动组成，成员随会员名册变化',
    })
    const roster = (await member('group.roster', { id: 'dept:demo-dept-4', pageSize: 50 })).body.data
    expect(roster.items.every((e: { department: string }) => e.department === '信息中心')).toBe(true)
    expect(roster.items.map((e: { name: string }) => e.name)).toContain('刘洋')
  })
})

describe('refusals write nothing', () => {
  const nothingWritten = eachWritesNothing(app)

  it('unknown group → NOT_FOUND', async () => {
    expect((await member('group.join', { id: 'nope' })).body.error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个小组' })
  })
  it("another union's admin cannot see the group", async () => {
    expect((await as('other-admin')('group.get', { id: badminton })).body.error.code).toBe('NOT_FOUND')
  })
  it('a plain member cannot approve, remove, export or see requests', async () => {
    for (const [name, data] of [
      ['group.requests', { id: photo }],
      ['group.decide', { id: photo, memberId: 'demo-member-05', approve: true }],
      ['group.remove', { id: photo, memberId: 'demo-member-02' }],
      ['group.exportRoster', { id: photo }],
    ] as const)
      expect((await member(name, data)).body.error.code).toBe('FORBIDDEN')
  })
  it('a leader of another group cannot act on this one', async () => {
    const yoga = (await admin('group.create', { name: '太极', joinPolicy: 'approval', sizeLimit: null, leaderIds: ['demo-member-09'] })).body.data.id
    nothingWritten.countFromHere()
    const zhouTing = as('demo-leader')
    // 李娜 leads 网球 and 摄影沙龙 but not 太极.
    expect((await zhouTing('group.requests', { id: yoga })).body.error.code).toBe('FORBIDDEN')
  })
  it('bad input gets a Chinese message naming the field', async () => {
    expect((await admin('group.create', { name: '', joinPolicy: 'open', sizeLimit: null, leaderIds: ['demo-member-02'] })).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请填写小组名称',
    })
    expect((await admin('group.create', { name: '合唱', joinPolicy: 'free', sizeLimit: null, leaderIds: ['demo-member-02'] })).body.error.message).toBe(
      '加入方式不在可选范围内',
    )
    expect((await admin('group.update', { id: badminton, sizeLimit: 1 })).body.error.message).toBe('人数上限不能小于 2')
  })
  it('a limit below today’s members is refused', async () => {
    const count = (await member('group.get', { id: badminton })).body.data.memberCount
    expect(count).toBeGreaterThan(2)
    expect((await admin('group.update', { id: badminton, sizeLimit: 2 })).body.error.message).toBe(`人数上限不能少于现有的 ${count} 人`)
  })
})

describe('leaders', () => {
  it('remove a member, and hand the group over to another member', async () => {
    const yoga = (await admin('group.create', { name: '声乐', joinPolicy: 'open', sizeLimit: null, leaderIds: ['demo-member-02'] })).body.data.id
    await member('group.join', { id: yoga })
    await as('demo-redeemer')('group.join', { id: yoga })
    expect((await leader('group.remove', { id: yoga, memberId: 'demo-member-03', reason: '长期未参加' })).body.data.removed).toBe(true)
    expect((await member('group.get', { id: yoga })).body.data.memberCount).toBe(2)
    const handed = (await leader('group.handOver', { id: yoga, toMemberId: 'demo-member-04' })).body.data
    expect(handed.leaders.map((l: { name: string }) => l.name)).toEqual(['刘洋'])
    expect((await leader('group.remove', { id: yoga, memberId: 'demo-member-04' })).body.error.code).toBe('FORBIDDEN')
    expect((await member('group.get', { id: yoga })).body.data.iLead).toBe(true)
    expect((await member('member.me')).body.data.grants).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'leader', scope: expect.objectContaining({ kind: 'group', id: yoga }) })]),
    )
  })

  it('keep a record with photos served by short-lived links, and export the roster', async () => {
    const fileId = await uploadFile(app, 'demo-leader', 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
    const added = await leader('group.addRecord', { id: badminton, title: '周三训练', date: '2026-11-18', text: '十二人参加', photoFileIds: [fileId] })
    expect(added.body.data).toMatchObject({ title: '周三训练', author: '李娜' })
    const records = (await member('group.records', { id: badminton })).body.data
    expect(records.items[0].photoUrls).toHaveLength(1)
    expect((await fetch(records.items[0].photoUrls[0])).status).toBe(200)
    // Someone else's upload cannot be attached.
    const foreign = fileId.replace('/uploads/demo-leader/', '/uploads/demo-member/')
    expect((await leader('group.addRecord', { id: badminton, title: 'x', date: '2026-11-18', photoFileIds: [foreign] })).body.error.message).toBe(
      '照片需要由您本人上传',
    )

    const exported = (await leader('group.exportRoster', { id: badminton })).body.data
    expect(exported.fileId).toMatch(/^cloud:\/\//)
    expect(exported.count).toBe((await member('group.get', { id: badminton })).body.data.memberCount)
    expect((await fetch(exported.url)).status).toBe(200)
  })
})

describe('admins', () => {
  it('replace a group’s leaders with members of the group (e.g. when the only leader left)', async () => {
    const id = (await admin('group.create', { name: '象棋', joinPolicy: 'open', sizeLimit: null, leaderIds: ['demo-member-02'] })).body.data.id
    await member('group.join', { id })
    expect((await admin('group.update', { id, leaderIds: ['demo-member-03'] })).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '组长需要是本小组的成员',
    })
    const updated = (await admin('group.update', { id, leaderIds: ['demo-member-04'] })).body.data
    expect(updated.leaders.map((l: { name: string }) => l.name)).toEqual(['刘洋'])
    expect((await leader('group.requests', { id })).body.error.code).toBe('FORBIDDEN')
    expect((await member('group.requests', { id })).body.ok).toBe(true)
  })
})

describe('correct under load', () => {
  it('100 simultaneous joins of a group limited to 20: exactly 20 members, count exact', async () => {
    const openids = await seedManyMembers(100)
    const id = (await admin('group.create', { name: '乒乓球', joinPolicy: 'open', sizeLimit: 20, leaderIds: ['demo-member-02'] })).body.data.id
    const results = await Promise.all(openids.map((o) => app.call('group.join', { id }, o)))
    const ok = results.filter((r) => r.body.ok)
    expect(ok).toHaveLength(19) // the leader holds the first seat
    expect(results.filter((r) => !r.body.ok).every((r) => r.body.error.code === 'FULL')).toBe(true)
    const detail = (await admin('group.get', { id })).body.data
    expect(detail.memberCount).toBe(20)
    expect((await admin('group.roster', { id, pageSize: 100 })).body.data.total).toBe(20)
  })

  it('joins, leaves and approvals racing keep the count equal to the roster', async () => {
    const openids = await seedManyMembers(40, 'race')
    const id = (await admin('group.create', { name: '舞蹈', joinPolicy: 'approval', sizeLimit: 15, leaderIds: ['demo-member-02'] })).body.data.id
    await Promise.all(openids.map((o) => app.call('group.join', { id }, o)))
    // Approve everyone while half of them withdraw, all at once.
    await Promise.all([
      ...openids.map((o) => leader('group.decide', { id, memberId: o, approve: true })),
      ...openids.filter((_, i) => i % 2 === 0).map((o) => app.call('group.leave', { id }, o)),
    ])
    const detail = (await admin('group.get', { id })).body.data
    const roster = (await admin('group.roster', { id, pageSize: 100 })).body.data
    expect(detail.memberCount).toBe(roster.total)
    expect(detail.memberCount).toBeLessThanOrEqual(15)
  })
})
