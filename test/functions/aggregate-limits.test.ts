import { appServerForFile } from '../support/app-server'
import { callerAs } from '../support/callers'
import { campaignForm } from '../support/campaign-form'
import { localDb as db } from '../support/local-db'
import { seedRosterMembers } from '../support/many-members'

/**
 * CloudBase answers an aggregate that states no `$limit` with its first 20 rows only, and the local
 * CloudBase does the same. Screens that count with one aggregate must still be right when there are
 * more than 20 groups to count: these set up more than 20 and check every count.
 */
jest.setTimeout(120_000)

const app = appServerForFile()
const as = (openid: string) => callerAs(app, openid)
const admin = as('demo-admin')

/**
 * `count` departments in the demo union, department i with (i % 4) + 1 members in service and one
 * who left (who must not be counted); members are bound to openids `<prefix>-<i>-<j>`.
 */
async function seedDepartments(prefix: string, count: number): Promise<{ deptId: string; name: string; members: string[] }[]> {
  const depts = Array.from({ length: count }, (_, i) => ({
    deptId: `${prefix}-dept-${i}`,
    name: `${prefix}科室${String(i).padStart(2, '0')}`,
    members: Array.from({ length: (i % 4) + 1 }, (_, j) => `${prefix}-${i}-${j}`),
  }))
  await db()
    .collection('departments')
    .add(depts.map((d) => ({ _id: d.deptId, unionId: 'demo-union', name: d.name })))
  const member = (id: string, d: (typeof depts)[number], n: number, status: string) => ({
    _id: id,
    name: `会员${id}`,
    gender: '男',
    departmentId: d.deptId,
    departmentName: d.name,
    memberNo: `${prefix.toUpperCase()}${n}`,
    phone: '',
    status,
  })
  let n = 0
  const docs = depts.flatMap((d) => [...d.members.map((id) => member(id, d, n++, '在职')), member(`${d.deptId}-left`, d, n++, '离会')])
  // Those who left are on the roster but bound to nobody.
  await seedRosterMembers(docs, (m) => m.status === '在职')
  return depts
}

describe('the 小组 tab counts every department', () => {
  it('a union with 25 more departments (30 in all) shows each one’s true head count', async () => {
    const depts = await seedDepartments('agg', 25)
    const res = (await as('demo-member')('group.list')).body
    expect(res.error).toBeUndefined()
    const cards = [...res.data.mine, ...res.data.others] as { id: string; kind: string; memberCount: number }[]
    const counts = new Map(cards.filter((c) => c.kind === 'department').map((c) => [c.id, c.memberCount]))
    expect(counts.size).toBe(30)
    expect(depts.map((d) => counts.get(`dept:${d.deptId}`))).toEqual(depts.map((d) => d.members.length))
    // The demo union's own departments are still counted (none of them shows 0).
    expect([...counts.values()].filter((n) => n === 0)).toEqual([])
  })
})

describe('福利发放 counts every campaign × gift', () => {
  const campaign = (over: object) => campaignForm({ faceValue: 5000, ...over })
  const create = async (over: object) => {
    const res = await admin('benefit.createCampaign', campaign(over))
    expect(res.body.error).toBeUndefined()
    return res.body.data.id as string
  }
  const issue = async (id: string) => {
    for (let i = 0; i < 20; i++) if ((await admin('benefit.issue', { id })).body.data.done) return
    throw new Error('issuing did not finish')
  }
  type View = { id: string; options: { id: string; chosen: number }[]; progress: { issued: number; chosen: number; redeemed: number; outstanding: number } }
  const listed = async (pageSize: number): Promise<Map<string, View>> => {
    const res = (await admin('benefit.campaigns', { page: 1, pageSize })).body
    expect(res.error).toBeUndefined()
    return new Map((res.data.items as View[]).map((v) => [v.id, v]))
  }

  it('3 campaigns of 10 gifts each (30 campaign × gift rows): every gift’s chosen count and every total', async () => {
    const [dept] = await seedDepartments('gift', 1)
    // One department of 12 members in service: one voucher each per campaign, everyone chooses.
    const more = Array.from({ length: 11 }, (_, j) => `gift-extra-${j}`)
    await seedRosterMembers(
      more.map((id, j) => ({
        _id: id,
        name: `会员${id}`,
        gender: '女',
        departmentId: dept.deptId,
        departmentName: dept.name,
        memberNo: `GIFTX${j}`,
        phone: '',
      })),
    )
    const people = [...dept.members, ...more]
    expect(people).toHaveLength(12)

    const gifts = Array.from({ length: 10 }, (_, k) => ({ name: `礼品${k + 1}` }))
    const ids: string[] = []
    for (let c = 0; c < 3; c++) {
      const id = await create({ name: `十选一慰问品${c + 1}`, options: gifts, departmentIds: [dept.deptId] })
      await issue(id)
      ids.push(id)
    }
    // Member j takes gift (j + c) % 10 + 1 of campaign c: two gifts of each campaign go twice, the rest once.
    const expected = new Map<string, number>()
    for (const [c, id] of ids.entries()) {
      for (const [j, openid] of people.entries()) {
        const optionId = `o${((j + c) % 10) + 1}`
        const mine = ((await as(openid)('benefit.mine')).body.data as { id: string; campaignId?: string; name: string }[]).find(
          (v) => v.name === `十选一慰问品${c + 1}`,
        )!
        const chose = (await as(openid)('benefit.choose', { voucherId: mine.id, optionId })).body
        expect(chose.error).toBeUndefined()
        expected.set(`${id}:${optionId}`, (expected.get(`${id}:${optionId}`) ?? 0) + 1)
      }
    }

    const views = await listed(20)
    for (const id of ids) {
      const v = views.get(id)!
      expect(v.progress).toMatchObject({ issued: 12, chosen: 12, redeemed: 0, outstanding: 12 })
      expect(v.options.map((o) => o.chosen)).toEqual(v.options.map((o) => expected.get(`${id}:${o.id}`) ?? 0))
      expect(v.options.filter((o) => o.chosen === 0)).toEqual([])
    }
  })

  it('a page of 22 campaigns with something redeemed in each: every redeemed count', async () => {
    const [dept] = await seedDepartments('used', 2).then((d) => [d[1]]) // two members in service
    const ids: string[] = []
    for (let c = 0; c < 22; c++) {
      const id = await create({ name: `小额慰问${c + 1}`, departmentIds: [dept.deptId] })
      await issue(id)
      ids.push(id)
    }
    // Redemption itself is tested in benefit.test.ts; here only the count matters, so one voucher
    // per campaign is marked used directly.
    const _ = db().command
    for (const id of ids) {
      const { data } = await db().collection('vouchers').where({ campaignId: id }).orderBy('_id', 'asc').limit(1).get()
      await db()
        .collection('vouchers')
        .doc((data[0] as { _id: string })._id)
        .update({ status: 'redeemed', redeemedAt: new Date() })
    }
    expect(
      (
        await db()
          .collection('vouchers')
          .where({ campaignId: _.in(ids), status: 'redeemed' })
          .count()
      ).total,
    ).toBe(22)

    const views = await listed(30)
    expect(ids.map((id) => views.get(id)?.progress)).toEqual(ids.map(() => ({ eligible: 2, issued: 2, chosen: 2, redeemed: 1, outstanding: 1 })))
  })
})
