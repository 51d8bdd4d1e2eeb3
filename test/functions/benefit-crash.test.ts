/**
 * Benefits under crashes (issue 12): every multi-write action is cut after each of its writes in
 * turn, the same caller retries, the daily timer (which carries the repair) runs, and the books,
 * notices and gift stock must agree with the vouchers exactly.
 */
import type { CallResult } from '../support/app-server'
import { crashEachWrite, crashMatrixFile, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { campaignForm } from '../support/campaign-form'
import { localDb as db } from '../support/local-db'
import { seedRosterMembers } from '../support/many-members'
import { at, DAY } from '../support/time'
import { insertMissing } from '../../cloudfunctions/_lib/insert-missing'
import type { Deps } from '../../cloudfunctions/_lib/deps'
import { newVoucher } from '../../cloudfunctions/benefit/vouchers.repo'

// Crash matrices wait out the time limit between cut and retry, on a 2-core machine.
jest.setTimeout(180_000)

const { app, covered } = crashMatrixFile('benefit')
const FACE = 10_000
const admin = (name: string, data: object, options = {}) => app.call(name, data, 'demo-admin', options)

let deptSeq = 0
/** A department of its own with `n` bound members (openid = member id), so each test's campaign reaches only them. */
async function seedDept(n: number): Promise<{ dept: string; members: string[] }> {
  const dept = `crash-dept-${++deptSeq}`
  await db()
    .collection('departments')
    .add({ _id: dept, unionId: 'demo-union', name: `崩溃测试部门${deptSeq}` })
  const members = Array.from({ length: n }, (_, i) => `${dept}-m${String(i).padStart(3, '0')}`)
  await seedRosterMembers(
    members.map((id, i) => ({
      _id: id,
      name: `测试${deptSeq}号${i}`,
      gender: '男',
      departmentId: dept,
      departmentName: `崩溃测试部门${deptSeq}`,
      memberNo: `C${deptSeq}-${i}`,
      phone: `1360000${String(deptSeq * 100 + i).padStart(4, '0')}`,
    })),
  )
  return { dept, members }
}

let nameSeq = 0
async function createCampaign(dept: string, over: object = {}): Promise<{ id: string; name: string }> {
  const name = `崩溃测试福利${++nameSeq}`
  const form = campaignForm({ name, faceValue: FACE, options: [{ name: '礼盒' }], departmentIds: [dept], includeRetired: false, ...over })
  const res = await admin('benefit.createCampaign', form)
  if (!res.body.ok) throw new Error(JSON.stringify(res.body))
  return { id: res.body.data.id, name }
}
const issueAll = async (id: string) => {
  for (let i = 0; i < 20; i++) if ((await admin('benefit.issue', { id })).body.data?.done) return
  throw new Error('issuing did not finish')
}
const opts = (k?: number) => (k === undefined ? {} : { crashAfterWrites: k })

/** The daily timer (it carries the repair) as CloudBase runs it; with `k`, cut after its k-th write. */
async function daily(k?: number): Promise<{ status: number; body: any; writes: number; crashed: boolean }> {
  if (k === undefined) {
    const body = await runTimer(app, 'benefit', 'daily')
    return { status: 200, body, writes: 0, crashed: false }
  }
  const res = await fetch(`${app.url}/fn/benefit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-crash-after-writes': String(k) },
    body: JSON.stringify({ Type: 'Timer', TriggerName: 'daily', Time: new Date().toISOString() }),
  })
  return { status: res.status, body: await res.json(), writes: Number(res.headers.get('x-local-writes') ?? 0), crashed: res.status === 502 }
}

interface Entry {
  _id: string
  committed: number
  spent: number
}
const kindOf = (e: Entry) =>
  /^benefit-(issue|commit):/.test(e._id) ? 'commit' : e._id.startsWith('benefit-spend:') ? 'spend' : e._id.startsWith('benefit-release:') ? 'release' : 'other'
const all = async <T>(coll: string, where: object): Promise<T[]> => {
  const out: T[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db().collection(coll).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get()).data as T[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/**
 * The books and notices of one campaign against its vouchers: exactly one 到账 notice per voucher,
 * commitments = vouchers × face, one spend per redeemed voucher (and none for others), and once
 * released, releases = unredeemed × face — so the campaign's net commitment is what is still owed.
 */
async function expectCampaignTrue(id: string) {
  const c = (await db().collection('campaigns').doc(id).get()).data[0] as { name: string; faceValue: number; releasedAt?: Date }
  const vouchers = await all<{ _id: string; memberId: string; status: string; settled?: boolean }>('vouchers', { campaignId: id })
  const entries = await all<Entry>('ledger', { 'source.type': 'benefit', 'source.id': id })
  const notices = await all<{ _id: string; memberId: string }>('messages', { kind: 'voucher-issued', title: `福利到账：${c.name}` })
  expect(vouchers.filter((v) => v.settled === false)).toEqual([])
  expect(notices.map((n) => n.memberId).sort()).toEqual(vouchers.map((v) => v.memberId).sort())
  const sum = (kind: string, field: 'committed' | 'spent') => entries.filter((e) => kindOf(e) === kind).reduce((s, e) => s + e[field], 0)
  expect(sum('commit', 'committed')).toBe(vouchers.length * c.faceValue)
  const redeemed = vouchers.filter((v) => v.status === 'redeemed')
  expect(
    entries
      .filter((e) => kindOf(e) === 'spend')
      .map((e) => e._id)
      .sort(),
  ).toEqual(redeemed.map((v) => `benefit-spend:${v._id}`).sort())
  expect(sum('spend', 'spent')).toBe(redeemed.length * c.faceValue)
  const released = 0 - sum('release', 'committed') || 0
  expect(released).toBe(c.releasedAt ? (vouchers.length - redeemed.length) * c.faceValue : 0)
  const owed = entries.reduce((s, e) => s + e.committed, 0)
  expect(owed).toBe(c.releasedAt ? 0 : (vouchers.length - redeemed.length) * c.faceValue)
  return { vouchers: vouchers.length, redeemed: redeemed.length }
}

/** Each stocked option: holders are exactly the vouchers that chose it, and remaining = stock − holders. */
async function expectStockTrue(id: string) {
  const c = (await db().collection('campaigns').doc(id).get()).data[0] as { options: { id: string; stock: number | null }[] }
  for (const o of c.options) {
    if (o.stock === null) continue
    const doc = (await db().collection('option_stock').doc(`${id}:${o.id}`).get()).data[0] as { remaining: number; holders?: { v: string }[] }
    const chose = await all<{ _id: string }>('vouchers', { campaignId: id, optionId: o.id })
    expect((doc.holders ?? []).map((h) => h.v).sort()).toEqual(chose.map((v) => v._id).sort())
    expect(doc.remaining).toBe(o.stock - chose.length)
    expect(doc.remaining).toBeGreaterThanOrEqual(0)
  }
}

const expectRetryOk = (r: { k: number; cut: CallResult; retry: CallResult }) => {
  if (!r.retry.body.ok) throw new Error(`retry after crash point ${r.k} failed: ${JSON.stringify(r.retry.body)}`)
}

describe('发放 (issuing)', () => {
  it('racing passes that meet each other part-way, plus a dead pass in the middle: every voucher has exactly one commitment and one notice; after expiry the release equals what was committed', async () => {
    const { dept, members } = await seedDept(60)
    const { id } = await createCampaign(dept)
    // A pass that died right after inserting one voucher, long ago: unsettled, no commitment, no notice.
    const campaign = (await db().collection('campaigns').doc(id).get()).data[0]
    const victim = (await db().collection('members').doc(members[30]).get()).data[0]
    await db()
      .collection('vouchers')
      .add({ ...newVoucher(campaign, victim, new Date(Date.now() - 60_000)), issuePass: 'dead-pass', settled: false })
    const runs = await Promise.all(Array.from({ length: 6 }, () => admin('benefit.issue', { id })))
    runs.forEach((r) => expect(r.body.ok).toBe(true))
    await issueAll(id)
    // Every voucher was completed by exactly one call: the dead pass's by whichever finished it.
    const credited = runs.reduce((s, r) => s + r.body.data.issuedNow, 0)
    expect(credited).toBe(60)
    expect(await expectCampaignTrue(id)).toEqual({ vouchers: 60, redeemed: 0 })
    const passes = await all<{ _id: string }>('ledger', { 'source.id': id })
    expect(passes.length).toBeGreaterThanOrEqual(2) // the dead pass's own commitment, and at least one live pass

    // Past the window: the daily release gives back exactly what was committed.
    await db()
      .collection('campaigns')
      .doc(id)
      .update({ redeemUntil: new Date(Date.now() - 60_000) })
    expect((await daily()).body.ok).toBe(true)
    expect(await expectCampaignTrue(id)).toEqual({ vouchers: 60, redeemed: 0 })
    const release = (await db().collection('ledger').doc(`benefit-release:${id}`).get()).data[0] as Entry
    expect(release.committed).toBe(-60 * FACE)
    // After the window nothing more is issued (it could never be used, and its commitment would never be released).
    expect((await admin('benefit.issue', { id })).body.error.code).toBe('CLOSED')
  })

  it('an ordered batch insert that meets a duplicate part-way keeps what came before it; insertMissing inserts the rest, none twice', async () => {
    const coll = db().collection('messages')
    const docs = ['a', 'b', 'c', 'd', 'e'].map((x) => ({
      _id: `insert-missing-${x}`,
      unionId: 'demo-union',
      memberId: 'nobody',
      kind: 'voucher-issued',
      title: x,
      body: '',
      link: '',
    }))
    await coll.add(docs[2])
    // The platform as production: the batch stops at c, keeping a and b.
    await expect(coll.add(docs)).rejects.toBeTruthy()
    expect((await all<{ _id: string }>('messages', { memberId: 'nobody' })).map((d) => d._id)).toEqual([
      'insert-missing-a',
      'insert-missing-b',
      'insert-missing-c',
    ])
    const deps = { db: db(), clock: { now: () => new Date() }, ids: { next: () => 'x' }, log: () => {} } as unknown as Deps
    await insertMissing(deps, 'messages', docs)
    expect((await all<{ _id: string }>('messages', { memberId: 'nobody' })).map((d) => d._id)).toEqual(docs.map((d) => d._id))
  })

  it('cut after each write, the same admin retries: every voucher once, committed exactly once, told once', async () => {
    const { dept } = await seedDept(8)
    const subject = async () => (await createCampaign(dept)).id
    const call = (id: string, k?: number) => admin('benefit.issue', { id }, opts(k))
    const writes = await writesOf(async () => call(await subject()))
    const results = await crashEachWrite({ writes, subject, call })
    covered['发放'] = results.length
    for (const r of results) {
      expectRetryOk(r)
      expect(r.retry.body.data).toMatchObject({ issued: 8, eligible: 8, done: true })
      expect(await expectCampaignTrue(r.subject)).toEqual({ vouchers: 8, redeemed: 0 })
    }
    expect(results.length).toBeGreaterThanOrEqual(5)
  })
})

describe('choosing and changing a gift', () => {
  let campaignId: string
  let members: string[]
  beforeAll(async () => {
    const seeded = await seedDept(30)
    members = seeded.members
    campaignId = (
      await createCampaign(seeded.dept, {
        options: [
          { name: '甲礼盒', stock: 25 },
          { name: '乙礼盒', stock: 25 },
          { name: '丙礼盒', stock: null },
        ],
      })
    ).id
    await issueAll(campaignId)
  })
  const voucherOf = (m: string) => `${campaignId}:${m}`
  const choose = (m: string, optionId: string, k?: number) => app.call('benefit.choose', { voucherId: voucherOf(m), optionId }, m, opts(k))
  let next = 0

  it('first choice cut after each write, the member retries: one hold, stock taken once', async () => {
    const subject = async () => members[next++]
    const writes = await writesOf(async () => choose(await subject(), 'o1'))
    const results = await crashEachWrite({ writes, subject, call: (m, k) => choose(m, 'o1', k) })
    covered['选择礼品'] = results.length
    for (const r of results) {
      expectRetryOk(r)
      expect(r.retry.body.data).toMatchObject({ optionId: 'o1', optionName: '甲礼盒', state: 'ready' })
    }
    await expectStockTrue(campaignId)
    expect(results.length).toBe(2)
  })

  it('change of gift cut after each write, the member retries: the new stock taken once, the old given back once', async () => {
    const subject = async () => {
      const m = members[next++]
      expect((await choose(m, 'o1')).body.ok).toBe(true)
      return m
    }
    const writes = await writesOf(async () => choose(await subject(), 'o2'))
    const results = await crashEachWrite({ writes, subject, call: (m, k) => choose(m, 'o2', k) })
    covered['更换礼品'] = results.length
    for (const r of results) {
      expectRetryOk(r)
      expect(r.retry.body.data).toMatchObject({ optionId: 'o2', optionName: '乙礼盒' })
      // The member's own view says the same.
      const mine = ((await app.call('benefit.mine', {}, r.subject)).body.data as { id: string; optionId: string }[]).find((v) => v.id === voucherOf(r.subject))
      expect(mine?.optionId).toBe('o2')
    }
    await expectStockTrue(campaignId)
    expect(results.length).toBe(3)
  })

  it('a choice cut after taking stock and then changed to another gift: the stray hold is given back by the new choice', async () => {
    const m = members[next++]
    expect((await choose(m, 'o1', 1)).crashed).toBe(true)
    await pastTimeLimit()
    expect((await choose(m, 'o3')).body.data).toMatchObject({ optionId: 'o3' })
    await expectStockTrue(campaignId)
  })
})

describe('redeeming', () => {
  let members: string[]
  let campaignId: string
  beforeAll(async () => {
    const seeded = await seedDept(12)
    members = seeded.members
    campaignId = (await createCampaign(seeded.dept)).id
    await issueAll(campaignId)
  })
  let next = 0
  /** A fresh voucher, shown by its member and scanned by the redeemer: the ticket to confirm. */
  const scanned = async () => {
    const m = members[next++]
    const voucherId = `${campaignId}:${m}`
    const code = (await app.call('benefit.code', { voucherId }, m)).body.data
    const seen = (await app.call('benefit.inspect', { code: code.token, pointId: 'demo-point-office' }, 'demo-redeemer')).body.data
    return { voucherId, ticket: seen.ticket as string, requestId: `crash-redeem-${m}` }
  }

  it('核销 cut after each write, the redeemer retries the same request: redeemed once, spent once', async () => {
    const call = (s: { ticket: string; requestId: string }, k?: number) =>
      app.call('benefit.redeem', { ticket: s.ticket, requestId: s.requestId }, 'demo-redeemer', opts(k))
    const writes = await writesOf(async () => call(await scanned()))
    const results = await crashEachWrite({ writes, subject: scanned, call })
    covered['核销'] = results.length
    for (const r of results) {
      expectRetryOk(r)
      expect(r.retry.body.data).toMatchObject({ voucherId: r.subject.voucherId, pointName: '工会办公室', proxy: null })
      const v = (await db().collection('vouchers').doc(r.subject.voucherId).get()).data[0] as { status: string; redemption: { requestId: string } }
      expect(v).toMatchObject({ status: 'redeemed', redemption: { requestId: r.subject.requestId } })
    }
    expect(results.length).toBe(2)
    await expectCampaignTrue(campaignId)
  })

  it('代领 cut after each write, the office retries: recorded once with its reason, spent once', async () => {
    const subject = async () => `${campaignId}:${members[next++]}`
    const call = (voucherId: string, k?: number) =>
      admin('benefit.proxyRedeem', { voucherId, pointId: 'demo-point-office', reason: '本人出差，同事代领' }, opts(k))
    const writes = await writesOf(async () => call(await subject()))
    const results = await crashEachWrite({ writes, subject, call })
    covered['代领'] = results.length
    for (const r of results) {
      expectRetryOk(r)
      expect(r.retry.body.data).toMatchObject({ voucherId: r.subject, proxy: { reason: '本人出差，同事代领' } })
    }
    expect(results.length).toBe(2)
    await expectCampaignTrue(campaignId)
  })
})

describe('the daily timer', () => {
  it('cut after each of its writes and run again: each reminder once, each release exactly what is owed', async () => {
    // Birthdays and anything left by other tests first, so each round below writes for its own campaigns.
    expect((await daily()).body.ok).toBe(true)
    let k = 1
    for (; k < 40; k++) {
      const { dept } = await seedDept(3)
      const soon = await createCampaign(dept, { redeemUntil: at(2 * DAY), claimClosesAt: at(DAY) })
      const ended = await createCampaign(dept)
      await issueAll(soon.id)
      await issueAll(ended.id)
      await db()
        .collection('campaigns')
        .doc(ended.id)
        .update({ redeemUntil: new Date(Date.now() - 60_000) })
      const cut = await daily(k)
      if (!cut.crashed) break
      await pastTimeLimit()
      expect((await daily()).body.ok).toBe(true)
      const reminders = await all<{ memberId: string }>('messages', { kind: 'voucher-expiring', title: `福利即将过期：${soon.name}` })
      expect(reminders).toHaveLength(3)
      expect(new Set(reminders.map((m) => m.memberId)).size).toBe(3)
      expect(await expectCampaignTrue(ended.id)).toEqual({ vouchers: 3, redeemed: 0 })
      expect(await expectCampaignTrue(soon.id)).toEqual({ vouchers: 3, redeemed: 0 })
    }
    covered['每日任务'] = k - 1
    expect(k - 1).toBeGreaterThanOrEqual(6)
  })
})

describe('the repair (daily timer)', () => {
  it('finishes what cuts left and nobody retried, puts counters back to their records (conditionally), and finds nothing the second time', async () => {
    const { dept, members } = await seedDept(6)
    const stocked = await createCampaign(dept, {
      options: [
        { name: '甲礼盒', stock: 10 },
        { name: '乙礼盒', stock: 10 },
      ],
    })
    await issueAll(stocked.id)
    const plain = await createCampaign(dept)

    // 发放 cut after inserting, retried at once by the admin: the young pass is left to its (dead) owner…
    expect((await admin('benefit.issue', { id: plain.id }, opts(1))).crashed).toBe(true)
    expect((await admin('benefit.issue', { id: plain.id })).body.data).toMatchObject({ issued: 6, done: true })
    // …and the members already see their vouchers.
    expect(((await app.call('benefit.mine', {}, members[0])).body.data as { name: string }[]).map((v) => v.name)).toContain(plain.name)
    // A choice cut after taking stock, never retried.
    expect((await app.call('benefit.choose', { voucherId: `${stocked.id}:${members[0]}`, optionId: 'o1' }, members[0], opts(1))).crashed).toBe(true)
    // A redemption cut after the voucher's write, never retried.
    const code = (await app.call('benefit.code', { voucherId: `${plain.id}:${members[1]}` }, members[1])).body.data
    const seen = (await app.call('benefit.inspect', { code: code.token, pointId: 'demo-point-office' }, 'demo-redeemer')).body.data
    expect((await app.call('benefit.redeem', { ticket: seen.ticket, requestId: 'repair-redeem-1' }, 'demo-redeemer', opts(1))).crashed).toBe(true)
    // A counter changed behind the records' back, and a lost commitment.
    expect((await app.call('benefit.choose', { voucherId: `${stocked.id}:${members[2]}`, optionId: 'o2' }, members[2])).body.ok).toBe(true)
    await db().collection('option_stock').doc(`${stocked.id}:o2`).update({ remaining: 7 })
    const commitment = (await all<Entry>('ledger', { 'source.id': stocked.id })).find((e) => kindOf(e) === 'commit')!
    await db().collection('ledger').doc(commitment._id).remove()

    await pastTimeLimit()
    const first = await daily()
    expect(first.body.ok).toBe(true)
    expect(first.body.data.repaired).toMatchObject({ passes: 6, spends: 1, commitments: 1 })
    expect(first.body.data.repaired.stock).toBeGreaterThanOrEqual(2)
    await expectCampaignTrue(plain.id)
    await expectCampaignTrue(stocked.id)
    await expectStockTrue(stocked.id)
    expect((await db().collection('vouchers').doc(`${plain.id}:${members[1]}`).get()).data[0]).toMatchObject({ status: 'redeemed' })

    const second = await daily()
    expect(second.body.data.repaired).toEqual({ passes: 0, commitments: 0, spends: 0, releases: 0, stock: 0 })
  })

  it('never gives back a hold younger than the time limit (a choice still under way), so stock cannot be oversold', async () => {
    const { dept, members } = await seedDept(2)
    const c = await createCampaign(dept, {
      options: [
        { name: '限量礼盒', stock: 1 },
        { name: '普通礼盒', stock: null },
      ],
    })
    await issueAll(c.id)
    // Cut after taking the last one; the repair runs at once (the hold is young) and must leave it.
    expect((await app.call('benefit.choose', { voucherId: `${c.id}:${members[0]}`, optionId: 'o1' }, members[0], opts(1))).crashed).toBe(true)
    expect((await daily()).body.ok).toBe(true)
    const stock = (await db().collection('option_stock').doc(`${c.id}:o1`).get()).data[0] as { remaining: number }
    expect(stock.remaining).toBe(0)
    expect((await app.call('benefit.choose', { voucherId: `${c.id}:${members[1]}`, optionId: 'o1' }, members[1])).body.error.code).toBe('FULL')
    // The member's retry finishes the choice with the hold it already has.
    expect((await app.call('benefit.choose', { voucherId: `${c.id}:${members[0]}`, optionId: 'o1' }, members[0])).body.data).toMatchObject({ optionId: 'o1' })
    await expectStockTrue(c.id)
  })
})
