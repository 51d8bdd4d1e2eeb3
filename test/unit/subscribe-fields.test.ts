import { fieldTypeOf, fitField, templateData } from '@shared/domain/subscribe-fields'

describe('fitField: values cut to WeChat subscription keyword formats', () => {
  it('reads the type from the keyword name', () => {
    expect(fieldTypeOf('thing1')).toBe('thing')
    expect(fieldTypeOf('character_string12')).toBe('character_string')
    expect(fieldTypeOf('phone_number3')).toBe('phone_number')
    expect(fieldTypeOf('thing')).toBeNull()
    expect(fieldTypeOf('weather1')).toBeNull()
    expect(() => fitField('title', 'x')).toThrow()
  })

  it('thing: at most 20 characters, counting 汉字 and emoji as one, a cut marked with …', () => {
    expect(fitField('thing1', '羽毛球友谊赛')).toBe('羽毛球友谊赛')
    const long = '市直机关工会2026年度迎新春职工羽毛球团体赛决赛'
    const cut = fitField('thing1', long)
    expect([...cut]).toHaveLength(20)
    expect(cut).toBe('市直机关工会2026年度迎新春职工羽毛…')
    expect([...fitField('thing2', '🏸'.repeat(30))]).toHaveLength(20)
    expect(fitField('thing3', '  第一行\n第二行  ')).toBe('第一行 第二行')
    expect(fitField('thing1', '一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十')
  })

  it('phrase: at most 5 汉字 and nothing else', () => {
    expect(fitField('phrase2', '报名成功')).toBe('报名成功')
    expect(fitField('phrase2', '福利即将过期')).toBe('福利即将过')
    expect(fitField('phrase2', '第3名！')).toBe('第名')
    expect(fitField('phrase2', 'OK')).toBe('')
  })

  it('time and date: Asia/Shanghai, in the form WeChat documents', () => {
    const at = new Date('2026-02-28T16:30:00Z') // 00:30 on 1 March in Shanghai
    expect(fitField('time4', at)).toBe('2026年3月1日 00:30')
    expect(fitField('date5', at)).toBe('2026年3月1日')
    expect(fitField('time4', '2026-03-01T07:05:00.000Z')).toBe('2026年3月1日 15:05')
    expect(fitField('time4', 'not a time')).toBe('')
  })

  it('number, amount, letter, character_string, phone_number, symbol, name, car_number', () => {
    expect(fitField('number1', '共 1,234 份')).toBe('1234')
    expect(fitField('number1', '3.5')).toBe('3.5')
    expect(fitField('number1', '无')).toBe('')
    expect(fitField('amount2', '800.00 元')).toBe('800.00元')
    expect(fitField('letter3', 'abc123')).toBe('abc')
    expect(fitField('character_string4', 'ABCD-EFGH 编号')).toBe('ABCD-EFGH')
    expect(fitField('character_string4', 'x'.repeat(40))).toHaveLength(32)
    expect(fitField('phone_number5', '138 0000 0000')).toBe('13800000000')
    expect(fitField('symbol6', 'a%b&c')).toBe('%&')
    expect(fitField('name7', '刘洋（信息中心）')).toBe('刘洋信息中心')
    expect(fitField('name7', '欧阳'.repeat(8))).toHaveLength(10)
    expect(fitField('car_number8', '粤A 12345 6')).toBe('粤A123456')
  })

  it('templateData fits every keyword of a template', () => {
    expect(templateData({ thing1: '九九重阳登山', phrase2: '已递补', time3: new Date('2026-10-01T01:00:00Z') })).toEqual({
      thing1: { value: '九九重阳登山' },
      phrase2: { value: '已递补' },
      time3: { value: '2026年10月1日 09:00' },
    })
  })
})
