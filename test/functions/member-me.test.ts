import { appServerForFile } from '../support/app-server'

const app = appServerForFile()

describe('member.me through the real SDK and the local CloudBase', () => {
  it('answers the caller their own profile, union and roles', async () => {
    const { status, body } = await app.call('member.me', {}, 'demo-member')
    expect(status).toBe(200)
    expect(body).toEqual({
      ok: true,
      data: {
        member: { id: 'demo-member-04', name: '刘洋', department: '信息中心', memberNo: 'GH2026004' },
        union: { id: 'demo-union', name: '市直机关示范工会', contact: { phone: '0571-87001234', place: '机关大楼 3 楼 305 室（工会办公室）' } },
        roles: ['member'],
        grants: [],
        badges: { groupRequests: 0, unreadMessages: 0 },
        uploadFolder: 'uploads/demo-member',
      },
    })
  })

  it('the same call made as two callers sees two identities, even concurrently', async () => {
    const [a, b] = await Promise.all([app.call('member.me', {}, 'demo-member'), app.call('member.me', {}, 'demo-admin')])
    expect(a.body.data.member.name).toBe('刘洋')
    expect(b.body.data.member.name).toBe('张伟')
    expect(b.body.data.roles).toEqual(['member', 'admin'])
  })

  it('an openid forged inside the event changes nothing', async () => {
    const res = await fetch(`${app.url}/fn/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'demo-member' },
      body: JSON.stringify({ action: 'me', data: {}, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }),
    })
    expect((await res.json()).data.member.name).toBe('刘洋')
  })

  it('a WeChat user with no binding is told to bind', async () => {
    expect((await app.call('member.me', {}, 'demo-newcomer')).body).toMatchObject({ ok: false, error: { code: 'NOT_BOUND', message: '请先绑定会员身份' } })
  })

  it('a call without a platform identity is refused', async () => {
    expect((await app.call('member.me', {})).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('costs a fixed number of database round trips', async () => {
    // The caller (binding with member and grants joined on by the database), then the union with the
    // 消息 badge — and for a leader the 小组申请 badge and the names of what each grant is for — in one more.
    for (const openid of ['demo-member', 'demo-leader', 'demo-redeemer']) {
      const before = app.stats.roundTrips
      await app.call('member.me', {}, openid)
      expect(app.stats.roundTrips - before).toBe(2)
    }
  })

  it('names what each grant is for — a department, a group, a redemption point — and says when it is gone', async () => {
    const leader = (await app.call('member.me', {}, 'demo-leader')).body.data
    expect(leader.grants).toEqual(
      expect.arrayContaining([
        { role: 'leader', scope: { kind: 'department', id: 'demo-dept-2', name: '财务科' } },
        { role: 'leader', scope: { kind: 'group', id: 'demo-group-badminton', name: '羽毛球' } },
        { role: 'leader', scope: { kind: 'group', id: 'demo-group-photo', name: '摄影' } },
      ]),
    )
    const redeemer = (await app.call('member.me', {}, 'demo-redeemer')).body.data
    expect(redeemer.grants).toEqual([
      { role: 'redeemer', scope: { kind: 'point', id: 'demo-point-cake', name: '好利来蛋糕（中山路店）' } },
      { role: 'redeemer', scope: { kind: 'point', id: 'demo-point-office', name: '工会办公室' } },
    ])
    // No id is ever shown as a name.
    for (const g of [...leader.grants, ...redeemer.grants]) expect(g.scope.name).not.toMatch(/^demo-/)

    // The group goes (removed straight from the database, as no action deletes one yet): the grant says so.
    const db = (await import('@cloudbase/node-sdk')).init({ env: 'local' }).database()
    const photo = (await db.collection('groups').doc('demo-group-photo').get()).data[0]
    await db.collection('groups').doc('demo-group-photo').remove()
    try {
      const after = (await app.call('member.me', {}, 'demo-leader')).body.data
      expect(after.grants).toContainEqual({ role: 'leader', scope: { kind: 'group', id: 'demo-group-photo', name: '已删除的小组', gone: true } })
    } finally {
      const { _id, ...rest } = photo
      await db.collection('groups').doc(_id).set(rest)
    }
  })
})
