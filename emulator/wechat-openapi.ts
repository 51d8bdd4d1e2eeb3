import type { IncomingMessage, ServerResponse } from 'node:http'
import { INVOCATION_HEADER } from './cloudbase-server'
import { readBody, sendJson } from './http-util'

/**
 * The local stand-in for WeChat's `subscribeMessage.send` (the one openapi the functions call). It
 * records every notice it is given and answers as WeChat does: errcode 0, or 47003 when a keyword's
 * value breaks its type's format (checked here independently of the app's formatter), or whatever
 * a test scripted for the next sends (43101, 47003, -1, or no answer at all: a timeout). A request
 * from an invocation the crash injector killed is cut like a database request: nothing is recorded.
 *
 *   POST /local/wechat/subscribeMessage.send   the functions' sender (JSON as wx-server-sdk takes it)
 *   GET  /local/wechat/sent                    every notice so far, with the answer it got
 *   POST /local/wechat/script                  { answers: [{ errcode } | { hang: true }] } for the next sends
 *   POST /local/wechat/reset                   forgets sends and script
 */
export interface RecordedNotice {
  readonly touser: string
  readonly templateId: string
  readonly page: string
  readonly data: Record<string, { value: string }>
  readonly miniprogramState: string
  /** The errcode it was answered, or 'hang' when it was given no answer. */
  readonly answer: number | 'hang'
  readonly at: string
}

type Scripted = { errcode: number; errmsg?: string } | { hang: true }

export interface WechatStandIn {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  readonly sent: RecordedNotice[]
}

const PREFIX = '/local/wechat/'

/** WeChat's 参数值限制 per keyword type; a value that breaks one makes the send fail with 47003. */
const FORMATS: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}$|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日$|^\d{4}-\d{2}-\d{2}$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => v.length >= 1 && v.length <= 5,
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  amount: (v) => /^\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+-]{1,17}$/.test(v),
  car_number: (v) => [...v].length <= 8,
  name: (v) => /^[\u4e00-\u9fa5·]{1,10}$/.test(v) || /^[A-Za-z ]{1,20}$/.test(v),
}

function badKeyword(data: unknown): string | null {
  if (!data || typeof data !== 'object') return 'data'
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
    const value = (entry as { value?: unknown } | null)?.value
    if (!type || !FORMATS[type] || typeof value !== 'string' || !value || !FORMATS[type](value)) return key
  }
  return null
}

export function createWechatStandIn(gate?: { admit(invocation: string): boolean }): WechatStandIn {
  const sent: RecordedNotice[] = []
  let script: Scripted[] = []
  const held = new Set<ServerResponse>()

  async function send(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as Record<string, unknown>
    const invocation = req.headers[INVOCATION_HEADER]
    // A killed container sends nothing: its connection is cut before WeChat hears it.
    if (typeof invocation === 'string' && gate && !gate.admit(invocation)) {
      res.socket?.destroy()
      return
    }
    const next = script.shift()
    const bad = badKeyword(body.data)
    const record = (answer: number | 'hang') =>
      sent.push({
        touser: String(body.touser ?? ''),
        templateId: String(body.templateId ?? ''),
        page: String(body.page ?? ''),
        data: (body.data ?? {}) as RecordedNotice['data'],
        miniprogramState: String(body.miniprogramState ?? 'formal'),
        answer,
        at: new Date().toISOString(),
      })
    if (next && 'hang' in next) {
      record('hang')
      held.add(res)
      res.on('close', () => held.delete(res))
      return
    }
    if (!next && bad) {
      record(47003)
      return sendJson(res, 200, { errcode: 47003, errmsg: `argument invalid! data.${bad}.value invalid` })
    }
    const errcode = next?.errcode ?? 0
    record(errcode)
    sendJson(res, 200, { errcode, errmsg: errcode === 0 ? 'ok' : (next?.errmsg ?? `scripted ${errcode}`) })
  }

  return {
    sent,
    async handle(req, res) {
      const path = (req.url ?? '').split('?')[0]
      if (!path.startsWith(PREFIX)) return false
      const what = path.slice(PREFIX.length)
      if (what === 'subscribeMessage.send' && req.method === 'POST') await send(req, res)
      else if (what === 'sent' && req.method === 'GET') sendJson(res, 200, { sent })
      else if (what === 'script' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as { answers?: Scripted[] }
        script = [...script, ...(body.answers ?? [])]
        sendJson(res, 200, { queued: script.length })
      } else if (what === 'reset' && req.method === 'POST') {
        sent.length = 0
        script = []
        for (const r of held) r.socket?.destroy()
        sendJson(res, 200, { ok: true })
      } else sendJson(res, 404, { errcode: 404, errmsg: 'no such local WeChat api' })
      return true
    },
  }
}

/**
 * What the local platform puts in the functions' environment for WeChat: where the stand-in is, and
 * a template per notice family as if picked in the console (keywords 事项 thing1, 状态 phrase2,
 * 说明 thing3, 时间 time4). A value already set in the environment wins.
 */
export function applyWechatEnv(baseUrl: string): void {
  process.env.UNION_LOCAL_WECHAT_URL = `${baseUrl}/local/wechat`
  for (const key of ['ACTIVITY_RESULT', 'ACTIVITY_CHANGE', 'ACTIVITY_REMINDER', 'BENEFIT', 'HARDSHIP', 'REVIEW', 'GROUP']) {
    const name = `SUBSCRIBE_TEMPLATE_${key}`
    process.env[name] ??= `local-${key.toLowerCase().replace(/_/g, '-')};thing1=subject,phrase2=status,thing3=note,time4=time`
  }
  process.env.SUBSCRIBE_STATE ??= 'developer'
}
