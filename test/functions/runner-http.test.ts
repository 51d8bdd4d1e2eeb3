import { appServerForFile } from '../support/app-server'
import { writeCount } from '../support/write-count'

const app = appServerForFile()

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-local-openid': 'demo-member', ...headers }, body })

describe('POST /fn/<name>: bad requests get the envelope and write nothing', () => {
  let writesBefore: number
  beforeEach(() => {
    writesBefore = writeCount(app.stats)
  })
  afterEach(() => {
    expect(writeCount(app.stats)).toBe(writesBefore)
  })

  it('malformed JSON → 400 INVALID_ARGUMENT', async () => {
    const res = await post('/fn/member', '{"action": "me",')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求格式不正确' } })
  })

  it.each(['[]', '"me"', 'null', '42'])('a body that is not an object (%s) → 400', async (body) => {
    const res = await post('/fn/member', body)
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('INVALID_ARGUMENT')
  })

  it('unknown function → 404 NOT_FOUND', async () => {
    const res = await post('/fn/nosuch', JSON.stringify({ action: 'me', data: {} }))
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('NOT_FOUND')
  })

  it('unknown action → NOT_FOUND', async () => {
    const { body } = await app.call('member.nosuch', {}, 'demo-member')
    expect(body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('body over the limit → 413', async () => {
    const res = await post('/fn/member', JSON.stringify({ action: 'me', data: { pad: 'x'.repeat(2 * 1024 * 1024) } }))
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('INVALID_ARGUMENT')
  })

  it('invalid input → INVALID_ARGUMENT naming the field in Chinese', async () => {
    const { body } = await app.call('member.me', { nickname: '张三' }, 'demo-member')
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '包含无法识别的内容：nickname', details: { field: '' } } })
  })

  it('GET is refused', async () => {
    const res = await fetch(`${app.url}/fn/member`)
    expect(res.status).toBe(405)
  })
})
