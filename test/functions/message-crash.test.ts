/**
 * The sender's crash matrix: a run killed right after each of its writes (claim, credit taken,
 * outcome recorded, hold dropped) leaves a state the next run finishes: each message reaches WeChat
 * exactly once and the member's credit is spent exactly once.
 */
import { crashServerForFile, pastTimeLimit } from '../support/crash'
import { creditDoc, delivered, messageDoc, resetWechat, runSender, seedMessage, sentNotices } from '../support/wechat'

const app = crashServerForFile()
beforeAll(() => runSender(app))

const MEMBER = { openid: 'demo-member', id: 'demo-member-04' }

/** One pending message and one credit for it. */
async function oneToSend(k: number): Promise<string> {
  await resetWechat(app)
  const res = await app.call('message.subscribe', { accepted: ['activity-result'] }, MEMBER.openid)
  expect(res.body.data.credits['activity-result']).toBe(1)
  return seedMessage({ memberId: MEMBER.id, title: `报名成功：崩溃点${k}` })
}

it('a clean send makes four writes: claim, credit, outcome, hold released', async () => {
  const id = await oneToSend(0)
  const run = await runSender(app)
  expect(run.writes).toBe(4)
  expect((await delivered(app)).map((n) => n.data.thing1.value)).toEqual(['崩溃点0'])
  expect((await messageDoc(id))?.push).toBe('sent')
})

it.each([1, 2, 3, 4])('killed after write %i, the next run sends it exactly once and spends one credit', async (k) => {
  const id = await oneToSend(k)
  const cut = await runSender(app, k)
  expect(cut.crashed).toBe(true)
  // The dead run's lease lapses at its time limit; a run before that leaves the message alone.
  await runSender(app)
  if (k < 3) expect(await delivered(app)).toEqual([])
  await pastTimeLimit()
  const next = await runSender(app)
  expect(next.body.ok).toBe(true)

  const sent = await sentNotices(app)
  expect(sent.filter((n) => n.data.thing1.value === `崩溃点${k}`).map((n) => n.answer)).toEqual([0])
  expect(await messageDoc(id)).toMatchObject({ push: 'sent' })
  expect(await creditDoc(MEMBER.id, 'activity-result')).toMatchObject({ count: 0 })
  // A run after that has nothing left to do.
  await runSender(app)
  expect(await sentNotices(app)).toHaveLength(sent.length)
})
