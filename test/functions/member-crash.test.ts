/**
 * The crash matrix for binding and the roster import: each is cut after each of its writes in turn,
 * the same caller sends the same request again once the cut call is certainly over, the repair timer
 * runs, and then every member is bound at most once and to the right WeChat user, each code is spent
 * on exactly the binding it made, and an import holds each member once with the file's values.
 */
import { crashEachWrite, crashMatrixFile, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { upload as uploadFile } from '../support/uploads'
import { localDb } from '../support/local-db'

jest.setTimeout(120_000)

const { app, warnings, covered } = crashMatrixFile('member')
const db = localDb()

let made = 0
/** A member of the demo union nobody has bound yet, with a phone to bind by. */
async function newMember(): Promise<{ id: string; name: string; memberNo: string; phone: string; openid: string }> {
  const n = ++made
  const m = {
    id: `crash-m-${n}`,
    name: `测试${n}`,
    memberNo: `CRASH${String(n).padStart(4, '0')}`,
    phone: `1370000${String(n).padStart(4, '0')}`,
    openid: `wx-crash-${n}`,
  }
  await db.collection('members').add({
    _id: m.id,
    unionId: 'demo-union',
    name: m.name,
    gender: '女',
    departmentId: 'demo-dept-3',
    departmentName: '人事科',
    memberNo: m.memberNo,
    phone: m.phone,
    status: '在职',
  })
  return m
}

async function codeFor(memberId: string): Promise<string> {
  const res = await app.call('member.createInvites', { memberIds: [memberId] }, 'demo-admin')
  if (!res.body.ok) throw new Error(JSON.stringify(res.body))
  return ((await db.collection('invites').where({ memberId }).get()).data[0] as { _id: string })._id
}

const bindingsOfMember = async (memberId: string) => (await db.collection('bindings').where({ memberId }).get()).data as { _id: string }[]
const inviteOf = async (memberId: string) =>
  (await db.collection('invites').where({ memberId }).get()).data as { _id: string; usedBy: string | null; usedAt: Date | null }[]

/** The write of a first bind by code that claims the code (after the attempt's three). */
const CODE_CLAIMED = 4

describe('binding with an invite code', () => {
  it('cut after each write, the same request again binds once and answers as the first would have', async () => {
    const subject = async () => {
      const m = await newMember()
      return { ...m, code: await codeFor(m.id) }
    }
    const call = (s: Awaited<ReturnType<typeof subject>>, crashAfterWrites?: number) =>
      app.call('member.bindByCode', { code: s.code }, s.openid, { crashAfterWrites })
    const writes = await writesOf(async () => call(await subject()))
    // The attempt (a first one: two conditional updates that miss, then the insert), the code
    // claimed, the binding, the attempts cleared.
    expect(writes).toBe(6)
    const results = await crashEachWrite({ writes, subject, call })
    covered['member.bindByCode'] = results.length
    expect((await runTimer(app, 'member', 'repair')).ok).toBe(true)
    for (const { subject: s, retry } of results) {
      expect(retry.body).toMatchObject({ ok: true, data: { member: { id: s.id, name: s.name } } })
      expect((await app.call('member.me', {}, s.openid)).body.data.member.id).toBe(s.id)
      expect((await bindingsOfMember(s.id)).map((b) => b._id)).toEqual([s.openid])
      expect(await inviteOf(s.id)).toEqual([expect.objectContaining({ _id: s.code, usedBy: s.openid })])
      // Nothing of the attempt limit is left to count against the user.
      expect((await db.collection('bind_attempts').where({ _id: s.openid }).count()).total).toBe(0)
      // And the code stays spent: another user gets the plain refusal.
      expect((await app.call('member.bindByCode', { code: s.code }, `${s.openid}-other`)).body.error.code).toBe('NOT_FOUND')
    }
  })

  it('a bind cut after its code was claimed and never tried again is finished by the repair, and logged without names', async () => {
    const m = await newMember()
    const code = await codeFor(m.id)
    expect((await app.call('member.bindByCode', { code }, m.openid, { crashAfterWrites: CODE_CLAIMED })).crashed).toBe(true)
    expect((await app.call('member.me', {}, m.openid)).body.error.code).toBe('NOT_BOUND')
    // Too young to touch: the call may still be running.
    expect((await runTimer(app, 'member', 'repair')).data).toMatchObject({ completed: 0, released: 0 })
    await pastTimeLimit()
    warnings.length = 0
    expect((await runTimer(app, 'member', 'repair')).data).toMatchObject({ completed: 1, released: 0 })
    expect(warnings.filter((l) => l.includes('cut-bind-completed'))).toHaveLength(1)
    expect(warnings.join('\n')).not.toMatch(new RegExp(`${m.openid}|${m.name}|${code}`))
    expect((await app.call('member.me', {}, m.openid)).body.data.member.id).toBe(m.id)
    expect((await runTimer(app, 'member', 'repair')).data).toMatchObject({ completed: 0, released: 0 })
  })

  it('when the member bound another way meanwhile, the repair gives the cut bind’s code back', async () => {
    const m = await newMember()
    const code = await codeFor(m.id)
    expect((await app.call('member.bindByCode', { code }, m.openid, { crashAfterWrites: CODE_CLAIMED })).crashed).toBe(true)
    const other = `${m.openid}-phone2`
    expect((await app.call('member.bindByProfile', { memberNo: m.memberNo, name: m.name, phoneLast4: m.phone.slice(-4) }, other)).body.ok).toBe(true)
    await pastTimeLimit()
    expect((await runTimer(app, 'member', 'repair')).data).toMatchObject({ completed: 0, released: 1 })
    expect(await inviteOf(m.id)).toEqual([expect.objectContaining({ usedBy: null, usedAt: null })])
    expect((await bindingsOfMember(m.id)).map((b) => b._id)).toEqual([other])
    // The cut caller trying again hears the plain answer: the member is someone else's now.
    expect((await app.call('member.bindByCode', { code }, m.openid)).body.error).toMatchObject({ code: 'CONFLICT' })
  })

  it('a member an admin unbound is not bound again by the repair', async () => {
    const m = await newMember()
    const code = await codeFor(m.id)
    expect((await app.call('member.bindByCode', { code }, m.openid)).body.ok).toBe(true)
    expect((await app.call('member.unbind', { id: m.id }, 'demo-admin')).body.ok).toBe(true)
    await pastTimeLimit()
    expect((await runTimer(app, 'member', 'repair')).data).toMatchObject({ completed: 0, released: 0 })
    expect(await bindingsOfMember(m.id)).toEqual([])
    // Nor does the old code bind again for the old phone.
    expect((await app.call('member.bindByCode', { code }, m.openid)).body.error.code).toBe('NOT_FOUND')
  })
})

describe('binding with 会员编号 + 姓名 + 手机号后四位', () => {
  it('cut after each write, the same request again binds once and answers as the first would have', async () => {
    const subject = newMember
    const call = (m: Awaited<ReturnType<typeof newMember>>, crashAfterWrites?: number) =>
      app.call('member.bindByProfile', { memberNo: m.memberNo, name: m.name, phoneLast4: m.phone.slice(-4) }, m.openid, { crashAfterWrites })
    const writes = await writesOf(async () => call(await subject()))
    expect(writes).toBe(5) // the attempt (three writes, see above), the binding, the attempts cleared
    const results = await crashEachWrite({ writes, subject, call })
    covered['member.bindByProfile'] = results.length
    expect((await runTimer(app, 'member', 'repair')).ok).toBe(true)
    for (const { subject: m, retry } of results) {
      expect(retry.body).toMatchObject({ ok: true, data: { member: { id: m.id } } })
      expect((await bindingsOfMember(m.id)).map((b) => b._id)).toEqual([m.openid])
      // A bound user describing someone else still hears that they are bound.
      expect((await app.call('member.bindByProfile', { memberNo: 'GH2026012', name: '孙浩', phoneLast4: '0000' }, m.openid)).body.error).toMatchObject({
        code: 'CONFLICT',
        message: '您的微信已经绑定了会员身份',
      })
    }
  })
})

describe('applying a roster import', () => {
  const HEADER = '姓名,性别,部门,会员编号,手机号,生日,入会日期,状态'

  const upload = (name: string, content: string) => uploadFile(app, 'demo-admin', name, content)

  let imports = 0
  /**
   * A checked import of its own: `fresh` new members in a new department, and two existing members
   * whose phone the file changes. Answers the job and the 会员编号 it covers.
   */
  async function checkedImport(fresh: number) {
    const n = ++imports
    const prefix = `IMP${n}X`
    const dept = `导入测试${n}部`
    await db.collection('members').add(
      [1, 2].map((i) => ({
        _id: `imp-${n}-${i}`,
        unionId: 'demo-union',
        name: `老会员${i}`,
        gender: '男',
        departmentId: 'demo-dept-3',
        departmentName: '人事科',
        memberNo: `${prefix}OLD${i}`,
        phone: '13900000000',
        status: '在职',
      })),
    )
    const rows = [
      ...Array.from({ length: fresh }, (_, i) => `新会员${i},女,${dept},${prefix}${String(i).padStart(4, '0')},138${String(i).padStart(8, '0')},,2020-01-01,`),
      ...[1, 2].map((i) => `老会员${i},男,人事科,${prefix}OLD${i},1360000000${i},,,`),
    ]
    const fileName = '名册.csv'
    const report = await app.call('member.importCheck', { fileId: await upload(fileName, [HEADER, ...rows].join('\r\n') + '\r\n'), fileName }, 'demo-admin')
    if (!report.body.ok || !report.body.data.canApply) throw new Error(JSON.stringify(report.body))
    return { jobId: report.body.data.jobId as string, prefix, dept, fresh }
  }

  type Subject = Awaited<ReturnType<typeof checkedImport>>
  const ofImport = async (s: Subject) =>
    (
      await db
        .collection('members')
        .where({ unionId: 'demo-union', memberNo: db.RegExp({ regexp: `^${s.prefix}` }) })
        .limit(1000)
        .get()
    ).data as { _id: string; memberNo: string; phone: string; updatedAt?: Date }[]

  async function matrixOf(action: string, fresh: number) {
    const call = (s: Subject, crashAfterWrites?: number) => app.call('member.importApply', { jobId: s.jobId }, 'demo-admin', { crashAfterWrites })
    const writes = await writesOf(async () => call(await checkedImport(fresh)))
    const results = await crashEachWrite({ writes, subject: () => checkedImport(fresh), call })
    covered[action] = results.length
    return { writes, results }
  }

  async function expectComplete(s: Subject) {
    const all = await ofImport(s)
    expect(all).toHaveLength(s.fresh + 2)
    expect(new Set(all.map((m) => m.memberNo)).size).toBe(all.length)
    expect(
      all
        .filter((m) => m.memberNo.includes('OLD'))
        .map((m) => m.phone)
        .sort(),
    ).toEqual(['13600000001', '13600000002'])
    expect((await db.collection('departments').where({ unionId: 'demo-union', name: s.dept }).count()).total).toBe(1)
    expect((await db.collection('import_chunks').where({ jobId: s.jobId }).count()).total).toBe(0)
    const [job] = (await db.collection('import_jobs').doc(s.jobId).get()).data as { status: string }[]
    expect(job.status).toBe('done')
  }

  for (const [label, fresh] of [
    ['one chunk', 3],
    ['two chunks', 600],
  ] as const) {
    it(`${label}: cut after each write, the same apply again completes it without a second copy and without rewriting what was right`, async () => {
      const { writes, results } = await matrixOf(`member.importApply (${label})`, fresh)
      // One chunk: department, new members, two updates, job advanced, chunks removed. Two chunks:
      // department, first 500 new, advance, the other new ones, two updates, advance, chunks removed.
      expect(writes).toBe(fresh > 500 ? 8 : 6)
      expect((await runTimer(app, 'member', 'repair')).ok).toBe(true)
      for (const { subject: s, retry } of results) {
        expect(retry.body).toMatchObject({ ok: true, data: { jobId: s.jobId, done: true, processed: s.fresh + 2 } })
        await expectComplete(s)
      }
    })
  }

  it('members the cut call already got right keep their values and their updatedAt', async () => {
    const s = await checkedImport(3)
    // Cut after the department, the new members and one of the two updates.
    expect((await app.call('member.importApply', { jobId: s.jobId }, 'demo-admin', { crashAfterWrites: 3 })).crashed).toBe(true)
    const cut = await ofImport(s)
    const before = new Map(cut.map((m) => [m.memberNo, m.updatedAt?.getTime()]))
    // The updates run side by side, so the second may have landed too.
    const alreadyRight = cut.filter((m) => !m.memberNo.includes('OLD') || m.phone.startsWith('136'))
    expect(alreadyRight.length).toBeGreaterThanOrEqual(4)
    await pastTimeLimit()
    const retry = await app.call('member.importApply', { jobId: s.jobId }, 'demo-admin')
    expect(retry.body.data.done).toBe(true)
    await expectComplete(s)
    const after = await ofImport(s)
    for (const m of alreadyRight) expect(after.find((a) => a.memberNo === m.memberNo)?.updatedAt?.getTime()).toBe(before.get(m.memberNo))
  })

  it('chunks a finished import left behind (cut after its last advance) are removed by the repair', async () => {
    const s = await checkedImport(3)
    expect((await app.call('member.importApply', { jobId: s.jobId }, 'demo-admin', { crashAfterWrites: 5 })).crashed).toBe(true)
    expect((await db.collection('import_chunks').where({ jobId: s.jobId }).count()).total).toBe(1)
    expect((await runTimer(app, 'member', 'repair')).data).toMatchObject({ chunksRemoved: 1 })
    await expectComplete(s)
  })
})
