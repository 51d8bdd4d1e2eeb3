import { answerProblems, audienceRefusal, cancelRefusal, signUpClosedReason, type AudienceMember, type SignUpField } from '@shared/domain/activity'

const woman: AudienceMember = { gender: '女', departmentId: 'd1', status: '在职', groupIds: ['g1'] }
const man: AudienceMember = { ...woman, gender: '男', groupIds: [] }

describe('audience', () => {
  it.each([
    [{ kind: 'all' } as const, man, null],
    [{ kind: 'departments', departmentIds: ['d2'] } as const, man, '本活动只面向指定部门的会员'],
    [{ kind: 'group', groupId: 'g1' } as const, woman, null],
    [{ kind: 'group', groupId: 'g1' } as const, man, '本活动只面向该兴趣小组的成员，请先加入小组'],
    [{ kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] } as const, man, '本活动只面向女职工'],
    [{ kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] } as const, woman, null],
    [{ kind: 'rule', genders: [], departmentIds: [], statuses: ['退休'] } as const, woman, '本活动只面向退休会员'],
    [{ kind: 'all' } as const, { ...woman, status: '离会' } as AudienceMember, '您已不是本工会会员'],
  ])('%j for %j → %s', (audience, member, expected) => expect(audienceRefusal(audience, member)).toBe(expected))
})

describe('windows, in Shanghai time', () => {
  const w = { signUpOpensAt: new Date('2026-11-01T01:00:00Z'), signUpClosesAt: new Date('2026-11-10T10:00:00Z') }
  it('before, during and after', () => {
    expect(signUpClosedReason(w, new Date('2026-10-31T00:00:00Z'))).toBe('报名将于 11月1日 周日 09:00 开始')
    expect(signUpClosedReason(w, new Date('2026-11-05T00:00:00Z'))).toBeNull()
    expect(signUpClosedReason(w, new Date('2026-11-10T10:00:00Z'))).toBe('报名已于 11月10日 周二 18:00 截止')
  })
  it('cancel until the deadline, then the deadline is shown', () => {
    const deadline = new Date('2026-11-12T04:00:00Z')
    expect(cancelRefusal(deadline, new Date('2026-11-12T03:59:59Z'))).toBeNull()
    expect(cancelRefusal(deadline, deadline)).toBe('取消报名的截止时间是 11月12日 周四 12:00，已不能取消，请联系组织者')
  })
})

describe('extra sign-up fields', () => {
  const fields: SignUpField[] = [
    { key: 'event', label: '项目', type: 'single', required: true, options: ['羽毛球', '乒乓球'] },
    { key: 'size', label: '衣服尺码', type: 'single', required: false, options: ['M', 'L', 'XL'] },
    { key: 'days', label: '可参加日期', type: 'multi', required: false, options: ['周六', '周日'] },
    { key: 'note', label: '备注', type: 'text', required: false },
    { key: 'family', label: '家属人数', type: 'number', required: false },
  ]
  it('accepts valid answers', () => expect(answerProblems(fields, { event: '羽毛球', days: ['周六'], family: 2, note: '' })).toEqual([]))
  it('names each bad field', () => {
    expect(answerProblems(fields, { size: 'XXL', days: ['周一'], family: '两' as unknown as number, extra: 'x' })).toEqual([
      { field: 'extra', message: '包含无法识别的报名项' },
      { field: 'event', message: '请填写「项目」' },
      { field: 'size', message: '「衣服尺码」请从选项中选择' },
      { field: 'days', message: '「可参加日期」请从选项中选择' },
      { field: 'family', message: '「家属人数」请填写数字' },
    ])
  })
})
