import { localDb as db } from '../support/local-db'
import { appServerForFile } from '../support/app-server'

jest.setTimeout(120_000)

const app = appServerForFile()
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
const auditor = (name: string, data: object = {}) => app.call(name, data, 'demo-auditor')
const admin = (name: string, data: object = {}) => app.call(name, data, 'demo-admin')

interface Entry {
  _id: string
  seq: number
  hash: string
  at: Date
}

beforeAll(async () => {
  await admin('funds.setBudget', { year: YEAR, lines: { training: 100_000 } })
})

const chain = async () => (await db().collection('audit_log').where({ unionId: 'demo-union' }).orderBy('seq', 'asc').limit(1000).get()).data as Entry[]
const head = async () => (await db().collection('audit_heads').doc('demo-union').get()).data[0] as { seq: number; hash: string } | undefined
const checkpoint = async () =>
  (await db().collection('audit_checkpoints').doc('demo-union:demo-member-05').get()).data[0] as { seq: number; hash: string } | undefined
const verify = async () => (await auditor('funds.verify')).body.data
/** Cuts the newest `n` entries straight out of the database; gives back a way to put them back. */
const cutTail = async (n: number) => {
  const removed = (await chain()).slice(-n)
  for (const e of removed) await db().collection('audit_log').doc(e._id).remove()
  return async () => {
    for (const { _id, ...rest } of removed)
      await db()
        .collection('audit_log')
        .add({ _id, ...rest })
  }
}
const setHead = (to: { seq: number; hash: string }) => db().collection('audit_heads').doc('demo-union').update({ seq: to.seq, hash: to.hash })

describe('the audit chain’s head is anchored', () => {
  it('an untouched chain: intact; the head is published on 公开栏; the auditor’s checkpoint advances with the chain', async () => {
    const first = await verify()
    const entries = await chain()
    const last = entries[entries.length - 1]
    expect(first).toMatchObject({ ok: true, checked: entries.length, truncation: null, head: { seq: last.seq, fingerprint: last.hash.slice(0, 8) } })
    expect(await head()).toMatchObject({ seq: last.seq, hash: last.hash })
    expect(await checkpoint()).toMatchObject({ seq: last.seq, hash: last.hash })

    const board = (await app.call('funds.public', { year: YEAR }, 'demo-member')).body.data
    expect(board.auditHead).toEqual({ seq: last.seq, fingerprint: last.hash.slice(0, 8), at: new Date(last.at).toISOString() })

    await admin('funds.setBudget', { year: YEAR, lines: { training: 110_000 } })
    const second = await verify()
    expect(second).toMatchObject({
      ok: true,
      checked: last.seq + 1,
      lastSeen: { seq: last.seq, fingerprint: last.hash.slice(0, 8) },
      head: { seq: last.seq + 1 },
    })
    expect((await checkpoint())!.seq).toBe(last.seq + 1)
  })

  it.each([1, 2])('the newest %i entr(ies) deleted in the database: verify reports the cut against the head, and where', async (n) => {
    await verify()
    const before = await chain()
    const count = before.length
    const restore = await cutTail(n)
    const result = await verify()
    expect(result).toMatchObject({
      ok: false,
      checked: count - n,
      brokenAt: count - n + 1,
      truncation: { against: 'head', expectedSeq: count, actualSeq: count - n },
    })
    const gone = n === 1 ? `第 ${count} 条` : `第 ${count - 1} 至第 ${count} 条`
    expect(result.reason).toBe(
      `账目记录应有 ${count} 条（公开栏公布的最新指纹 ${before[count - 1].hash.slice(0, 8)}），现在只有 ${count - n} 条：${gone}记录被删除了`,
    )
    // The warning does not wear off, and the checkpoint stays where it was.
    expect((await verify()).truncation).toMatchObject({ expectedSeq: count })
    expect((await checkpoint())!.seq).toBe(count)
    await restore()
    expect(await verify()).toMatchObject({ ok: true, checked: count })
  })

  it('the head edited back to the shortened chain too: this auditor’s previous check still catches it', async () => {
    await verify()
    const before = await chain()
    const count = before.length
    const restore = await cutTail(1)
    await setHead(before[count - 2])
    const result = await verify()
    expect(result).toMatchObject({
      ok: false,
      brokenAt: count,
      truncation: { against: 'checkpoint', expectedSeq: count, actualSeq: count - 1 },
      lastSeen: { seq: count },
    })
    expect(result.reason).toMatch(
      new RegExp(
        `^您上次校验（(\\d{4}年)?\\d{1,2}月\\d{1,2}日 周[日一二三四五六] \\d{2}:\\d{2}）时账目记录有 ${count} 条，现在只有 ${count - 1} 条：第 ${count} 条记录被删除了$`,
      ),
    )
    await restore()
    await setHead(before[count - 1])
    expect((await verify()).ok).toBe(true)
  })

  it('cut, head edited back, then the chain written on: same length, but this auditor sees the entry differs from last time', async () => {
    await verify()
    const before = await chain()
    const count = before.length
    await cutTail(1)
    await setHead(before[count - 2])
    await admin('funds.setBudget', { year: YEAR, lines: { training: 120_000 } }) // a new entry numbered count
    const result = await verify()
    expect(result).toMatchObject({ ok: false, brokenAt: count, truncation: { against: 'checkpoint', expectedSeq: count, actualSeq: count } })
    expect(result.reason).toContain(`第 ${count} 条记录与您上次校验`)
  })

  it('a cut with the head intact is never numbered over: the next entry builds on the head, the gap stays visible', async () => {
    const entries = await chain()
    const count = entries.length
    await db()
      .collection('audit_heads')
      .doc('demo-union')
      .update({ seq: entries[count - 1].seq, hash: entries[count - 1].hash })
    await cutTail(1)
    await admin('funds.setBudget', { year: YEAR, lines: { training: 130_000 } })
    expect((await chain()).map((e) => e.seq).slice(-2)).toEqual([count - 1, count + 1])
    expect(await verify()).toMatchObject({ ok: false, brokenAt: count, reason: `缺少第 ${count} 条记录` })
  })
})
