import * as z from 'zod/mini'
import { parseInput, actions, ERROR_CODES, ERROR_MESSAGES, isErrorCode } from '@shared/contract'

describe('parseInput words problems for members', () => {
  const schema = z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(20)),
    phone: z.optional(z.string().check(z.regex(/^1\d{10}$/))),
    pageSize: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(50))),
    status: z.optional(z.enum(['在职', '退休', '离会'])),
  })

  it('accepts valid input and returns the parsed value', () => {
    expect(parseInput(schema, { name: '张伟', pageSize: 20 })).toEqual({ ok: true, value: { name: '张伟', pageSize: 20 } })
  })

  it.each([
    [{}, 'name', '请填写姓名'],
    [{ name: '' }, 'name', '请填写姓名'],
    [{ name: '张'.repeat(21) }, 'name', '姓名不能超过 20 个字'],
    [{ name: 3 }, 'name', '姓名的格式不对'],
    [{ name: '张伟', phone: '123' }, 'phone', '手机号的格式不对'],
    [{ name: '张伟', pageSize: 0 }, 'pageSize', '每页条数不能小于 1'],
    [{ name: '张伟', pageSize: 51 }, 'pageSize', '每页条数不能大于 50'],
    [{ name: '张伟', status: '在岗' }, 'status', '状态不在可选范围内'],
    [{ name: '张伟', openid: 'forged' }, '', '包含无法识别的内容：openid'],
  ])('%j → %s: %s', (input, field, message) => {
    const result = parseInput(schema, input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]).toEqual({ field, message })
  })
})

describe('contract', () => {
  it('every error code has a Chinese message', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/)
    expect(isErrorCode('FULL')).toBe(true)
    expect(isErrorCode('full')).toBe(false)
  })

  it('action names are <function>.<action>', () => {
    for (const name of Object.keys(actions)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  it('member.me takes no fields and rejects smuggled ones', () => {
    expect(parseInput(actions['member.me'].input, {}).ok).toBe(true)
    expect(parseInput(actions['member.me'].input, { openid: 'x' }).ok).toBe(false)
  })
})
