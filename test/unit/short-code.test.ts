import { isShortCode, SHORT_CODE_DIGITS, shortCodeOf, typedCode } from '../../shared/domain/short-code'

describe('the six digits under a rotating code', () => {
  it('are six digits, zero-padded, from any whole number', () => {
    expect(SHORT_CODE_DIGITS).toBe(6)
    expect(shortCodeOf(42)).toBe('000042')
    expect(shortCodeOf(4_294_967_295)).toBe('967295')
    expect(shortCodeOf(999_999)).toBe('999999')
  })

  it('tell a typed code from a scanned token', () => {
    expect(isShortCode('012345')).toBe(true)
    expect(isShortCode('12345')).toBe(false)
    expect(isShortCode('1234567')).toBe(false)
    expect(isShortCode('v1.abc.def')).toBe(false)
  })

  it('keep digits only, at most six, from what was typed or pasted', () => {
    expect(typedCode('123 456')).toBe('123456')
    expect(typedCode('12-34-567')).toBe('123456')
    expect(typedCode('abc')).toBe('')
  })
})
