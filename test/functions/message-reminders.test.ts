/**
 * Reminders reach members through 消息 and, where they accepted, WeChat: 选择截止前一天 from the
 * benefit daily timer, and the reminders that were already outbox rows (券到期前 3 天 here).
 */
import { localDb as db } from '../support/local-db'
import { appServerForFile } from '../support/app-server'
import { runTimer } from '../support/crash'
import { delivered, resetWechat, runSender } from '../support/wechat'

const app = appServerForFile()
beforeAll(async () => {
  await runSender(app)
})

const DAY = 24 * 3600_000
const at = (ms: number) => new Date(Date.now() + ms).toISOString()
const admin = (name: string, data: object) => app.call(name, data, 'demo-admin')

async function campaign(name: string, claimClosesInMs: number): Promise<string> {
  const res = await admin('benefit.createCampaign', {
    kind: 'other',
    name,
    faceValue: 10000,
    options: [{ name: '米面粮油礼包', stock: 100, supplier: '合作社', povertyRelief: true }, { name: '水果礼盒' }],
    claimClosesAt: at(claimClosesInMs),
    redeemFrom: at(-DAY),
    redeemUntil: at(30 * DAY),
    pointIds: ['demo-point-office'],
  })
  expect(res.body.error).toBeUndefined()
  const id = res.body.data.id as string
  for (let i = 0; i < 100; i++) if ((await admin('benefit.issue', { id })).body.data.done) break
  return id
}

const closing = async (memberId: string, name: string) =>
  (
    await db()
      .collection('messages')
      .where({ memberId, kind: 'gift-choice-closing', title: `请选择礼品：${name}` })
      .limit(10)
      .get()
  ).data as { _id: string; body: string }[]

it('选择截止前一天: members who have not chosen are told once, in 消息 and on WeChat where they accepted', async () => {
  await campaign('端午慰问品', 20 * 3600_000)
  const later = await campaign('中秋慰问品', 5 * DAY)
  // 刘洋 accepts 福利 notices when opening the voucher; 李娜 chooses her gift in time.
  await app.call('message.subscribe', { accepted: ['benefit'] }, 'demo-member')
  // Notices of issue so far are not what this test counts.
  await runSender(app)
  await resetWechat(app)
  // Enough accepts for whatever else the daily run tells 刘洋 (a birthday cake voucher, say).
  for (let i = 0; i < 3; i++) await app.call('message.subscribe', { accepted: ['benefit'] }, 'demo-member')
  const mine = (await app.call('benefit.mine', {}, 'demo-leader')).body.data as { id: string; name: string; options: { id: string }[] }[]
  const hers = mine.find((v) => v.name === '端午慰问品')!
  expect((await app.call('benefit.choose', { voucherId: hers.id, optionId: hers.options[0].id }, 'demo-leader')).body.ok).toBe(true)

  const first = await runTimer(app, 'benefit', 'daily')
  expect(first.ok).toBe(true)
  expect(first.data.choiceReminded).toBeGreaterThanOrEqual(20)
  const told = await closing('demo-member-04', '端午慰问品')
  expect(told).toHaveLength(1)
  expect(told[0]._id).toMatch(/^gift-choice-closing:/)
  // The deadline in the house style (shared/domain/time.ts dateTimeText): 「6月1日 周一 14:00」.
  expect(told[0].body).toMatch(/^礼品选择将于 (\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 截止，请尽快在「福利」中选择。$/)
  expect(await closing('demo-member-02', '端午慰问品')).toEqual([])
  expect(await closing('demo-member-04', '中秋慰问品')).toEqual([])
  void later

  // A second run (or a run repeated after a cut) tells nobody twice.
  await runTimer(app, 'benefit', 'daily')
  expect(await closing('demo-member-04', '端午慰问品')).toHaveLength(1)

  // In 消息, it opens the voucher; on WeChat it went out once, on the 福利 template.
  const list = (await app.call('message.list', { pageSize: 50 }, 'demo-member')).body.data.items as {
    id: string
    kindLabel: string
    target: unknown
    targetExists: boolean
  }[]
  expect(list.find((m) => m.id === told[0]._id)).toMatchObject({
    kindLabel: '选择截止',
    target: { kind: 'voucher', id: told[0]._id.split(':').slice(1).join(':') },
    targetExists: true,
  })
  await runSender(app)
  const sent = (await delivered(app)).filter((n) => n.touser === 'demo-member' && n.data.phrase2.value === '请选择礼品')
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({ templateId: 'local-benefit', page: 'pages/benefits/index' })
  expect(sent[0].data.thing1.value).toBe('端午慰问品')
  expect(sent[0].data.phrase2.value).toBe('请选择礼品')
})

it('券到期前 3 天 (already an outbox row) goes out through the same sender', async () => {
  await resetWechat(app)
  await campaign('即将到期的慰问品', 10 * DAY)
  await db()
    .collection('vouchers')
    .where({ name: '即将到期的慰问品' })
    .update({ redeemUntil: new Date(Date.now() + 2 * DAY) })
  await runSender(app)
  await resetWechat(app)
  await app.call('message.subscribe', { accepted: ['benefit'] }, 'demo-auditor')
  await runTimer(app, 'benefit', 'daily')
  await runSender(app)
  const sent = (await delivered(app)).filter((n) => n.touser === 'demo-auditor')
  expect(sent.map((n) => [n.data.thing1.value, n.data.phrase2.value])).toEqual([['即将到期的慰问品', '即将到期']])
})
