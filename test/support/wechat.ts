/**
 * Test access to the local platform's WeChat stand-in (emulator/wechat-openapi.ts): what the sender
 * sent, and how the next sends are answered. Also the outbox as notify.ts writes it.
 */
import { localDb } from './local-db'
import type { AppServer, CallResult } from './app-server'
import type { RecordedNotice } from '../../emulator/wechat-openapi'

export type { RecordedNotice }

export async function sentNotices(app: AppServer): Promise<RecordedNotice[]> {
  return ((await (await fetch(`${app.url}/local/wechat/sent`)).json()) as { sent: RecordedNotice[] }).sent
}

/** Notices WeChat took (answer 0). */
export const delivered = async (app: AppServer): Promise<RecordedNotice[]> => (await sentNotices(app)).filter((n) => n.answer === 0)

/** The next sends get these answers, in order: `{ errcode: 43101 }`, `{ hang: true }` (a timeout)… */
export async function scriptWechat(app: AppServer, answers: ({ errcode: number } | { hang: true })[]): Promise<void> {
  await fetch(`${app.url}/local/wechat/script`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) })
}

export async function resetWechat(app: AppServer): Promise<void> {
  await fetch(`${app.url}/local/wechat/reset`, { method: 'POST' })
}

/** Runs the sender timer as CloudBase does; with `crashAfterWrites` the run dies after that write. */
export async function runSender(app: AppServer, crashAfterWrites?: number, trigger = 'send'): Promise<CallResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (crashAfterWrites !== undefined) headers['x-local-crash-after-writes'] = String(crashAfterWrites)
  const res = await fetch(`${app.url}/fn/message`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }),
  })
  return { status: res.status, body: await res.json(), writes: Number(res.headers.get('x-local-writes') ?? 0), crashed: res.status === 502 }
}

let seq = 0

/** A message written the way notify.ts writes one (natural key as `_id`, `sentAt: null`). */
export async function seedMessage(fields: {
  memberId: string
  kind?: string
  title?: string
  body?: string
  link?: string
  createdAt?: Date
  readAt?: Date
  unionId?: string
}): Promise<string> {
  const _id = `test-msg-${Date.now()}-${++seq}`
  await localDb()
    .collection('messages')
    .add({
      _id,
      unionId: fields.unionId ?? 'demo-union',
      memberId: fields.memberId,
      kind: fields.kind ?? 'waitlist-promoted',
      title: fields.title ?? `报名成功：测试活动${seq}`,
      body: fields.body ?? '有人取消了报名，您已从排队转为报名成功。',
      link: fields.link ?? '/pages/activity/index?id=none',
      createdAt: fields.createdAt ?? new Date(),
      sentAt: null,
      ...(fields.readAt ? { readAt: fields.readAt } : {}),
    })
  return _id
}

export async function messageDoc(id: string): Promise<Record<string, any> | undefined> {
  return (await localDb().collection('messages').doc(id).get()).data[0]
}

export async function creditDoc(memberId: string, template: string): Promise<{ count: number; holds: string[] } | undefined> {
  return (await localDb().collection('subscribe_credits').doc(`demo-union:${memberId}:${template}`).get()).data[0] as never
}

export const creditCount = async (memberId: string, template: string): Promise<number> => (await creditDoc(memberId, template))?.count ?? 0

export async function patchMessage(id: string, patch: Record<string, unknown>): Promise<void> {
  await localDb().collection('messages').doc(id).update(patch)
}
