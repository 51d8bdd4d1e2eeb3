/** The bind form's own checks: what a member is told under the field before anything is sent. */
import { checkInviteCode, checkProfile } from '../../client/src/pages/bind/validate'

describe('checkInviteCode', () => {
  it('accepts the printed form, lower case and stray spaces, and sends the stored form', () => {
    expect(checkInviteCode('ABCD-EFGH')).toEqual({ code: 'ABCDEFGH' })
    expect(checkInviteCode(' abcd-efgh ')).toEqual({ code: 'ABCDEFGH' })
    expect(checkInviteCode('abcd efgh')).toEqual({ code: 'ABCDEFGH' })
    expect(checkInviteCode('XB9QKEXT')).toEqual({ code: 'XB9QKEXT' })
  })

  it('asks for a code when nothing was typed', () => {
    expect(checkInviteCode('')).toEqual({ error: '请输入邀请码' })
    expect(checkInviteCode('  -  ')).toEqual({ error: '请输入邀请码' })
  })

  it('says how long a code is', () => {
    expect(checkInviteCode('abc')).toEqual({ error: '邀请码是 8 位，例如 ABCD-EFGH' })
    expect(checkInviteCode('ABCD-EFGHJ')).toEqual({ error: '邀请码是 8 位，例如 ABCD-EFGH' })
    // Too short says so, whatever its characters.
    expect(checkInviteCode('AB1')).toEqual({ error: '邀请码是 8 位，例如 ABCD-EFGH' })
    expect(checkInviteCode('ABCD-0FG')).toEqual({ error: '邀请码是 8 位，例如 ABCD-EFGH' })
  })

  it('points out look-alike characters that never appear in a code', () => {
    expect(checkInviteCode('ABCD-0FGH')).toEqual({ error: '邀请码里没有数字 0、1 和字母 O、I、L，请再核对一下' })
    expect(checkInviteCode('abcd-efgl')).toEqual({ error: '邀请码里没有数字 0、1 和字母 O、I、L，请再核对一下' })
    expect(checkInviteCode('ABCD-EF#H')).toEqual({ error: '邀请码只有字母和数字，例如 ABCD-EFGH' })
  })
})

describe('checkProfile', () => {
  it('trims and passes a complete profile', () => {
    expect(checkProfile({ memberNo: ' GH2026004 ', name: ' 刘洋 ', phoneLast4: '3757' })).toEqual({
      value: { memberNo: 'GH2026004', name: '刘洋', phoneLast4: '3757' },
    })
  })

  it('names every missing field at once', () => {
    expect(checkProfile({ memberNo: '', name: ' ', phoneLast4: '' })).toEqual({
      errors: { memberNo: '请输入会员编号', name: '请输入姓名', phoneLast4: '请输入手机号后四位' },
    })
  })

  it('mirrors the server: 会员编号 characters, 姓名 length, exactly four digits', () => {
    expect(checkProfile({ memberNo: 'GH 2026', name: '刘洋', phoneLast4: '3757' })).toEqual({
      errors: { memberNo: '会员编号由字母、数字组成，例如 GH2026001' },
    })
    expect(checkProfile({ memberNo: 'GH1', name: '一二三四五六七八九十一二三四五六七八九十一', phoneLast4: '3757' })).toEqual({
      errors: { name: '姓名不能超过 20 个字' },
    })
    expect(checkProfile({ memberNo: 'GH1', name: '刘洋', phoneLast4: '375' })).toEqual({ errors: { phoneLast4: '请输入 4 位数字' } })
    expect(checkProfile({ memberNo: 'GH1', name: '刘洋', phoneLast4: '37a7' })).toEqual({ errors: { phoneLast4: '请输入 4 位数字' } })
  })
})
