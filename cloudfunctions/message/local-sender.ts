import http from 'node:http'
import { outcomeOf, type SubscribeSender } from '../_lib/subscribe-sender'

/**
 * Locally and in tests: the local platform's stand-in for WeChat's subscribeMessage.send (it records
 * every notice and answers as a test scripts it). Spoken over node's http so the platform knows
 * which invocation sent it: one the crash injector killed sends nothing, as on CloudBase.
 */
export function localSender(baseUrl: string): SubscribeSender {
  return {
    send(notice, timeoutMs) {
      return new Promise((resolve) => {
        const body = JSON.stringify({ ...notice, lang: 'zh_CN' })
        const req = http.request(
          `${baseUrl}/subscribeMessage.send`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let raw = ''
            res.setEncoding('utf8')
            res.on('data', (chunk) => (raw += chunk))
            res.on('end', () => {
              try {
                const answer = JSON.parse(raw) as { errcode?: number; errmsg?: string }
                resolve(outcomeOf(typeof answer.errcode === 'number' ? answer.errcode : null, answer.errmsg ?? ''))
              } catch {
                resolve(outcomeOf(null, `unreadable answer (${res.statusCode})`))
              }
            })
          },
        )
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
        req.on('error', (error) => resolve(outcomeOf(null, error.message)))
        req.end(body)
      })
    },
  }
}
