import {
  MAX_TEMPLATES_PER_REQUEST,
  MESSAGE_KINDS,
  MESSAGE_KIND_LABELS,
  SUBSCRIBE_OCCASIONS,
  TEMPLATE_OF_KIND,
  messageTarget,
  pushSlots,
  targetPage,
} from '@shared/domain/messages'

describe('message targets, from the stored link', () => {
  it('an activity, a request (member and reviewer), a group, a voucher', () => {
    expect(messageTarget('waitlist-promoted', '/pages/activity/index?id=abc123', 'x')).toEqual({ kind: 'activity', id: 'abc123' })
    expect(messageTarget('hardship-update', '/pages/hardship/detail?id=r1', 'x')).toEqual({ kind: 'request', id: 'r1' })
    expect(messageTarget('hardship-new', '/packages/reviewer/request/index?id=r1', 'x')).toEqual({ kind: 'review', id: 'r1' })
    expect(messageTarget('group-decision', '/pages/group/index?id=g1', 'x')).toEqual({ kind: 'group', id: 'g1' })
    expect(messageTarget('hardship-review-due', '/packages/reviewer/files/index?due=1', 'x')).toEqual({ kind: 'review-files' })
  })

  it('benefit messages link to the 福利 list; the voucher comes from the natural key when there is one', () => {
    expect(messageTarget('voucher-issued', '/pages/benefits/index', 'voucher-issued:v9')).toEqual({ kind: 'voucher', id: 'v9' })
    expect(messageTarget('voucher-expiring', '/pages/benefits/index', 'voucher-expiring:c1:demo-member-04')).toEqual({
      kind: 'voucher',
      id: 'c1:demo-member-04',
    })
    expect(messageTarget('gift-choice-closing', '/pages/benefits/index', 'gift-choice-closing:cake:u:2026:m1')).toEqual({
      kind: 'voucher',
      id: 'cake:u:2026:m1',
    })
    expect(messageTarget('voucher-issued', '/pages/benefits/index', '0123456789abcdef')).toEqual({ kind: 'voucher', id: null })
  })

  it('a link to nothing known has no target; an id with odd characters is not taken', () => {
    expect(messageTarget('activity-changed', '/pages/elsewhere', 'x')).toBeNull()
    expect(messageTarget('activity-changed', '/pages/activity/index?id=a&b=c', 'x')).toBeNull()
  })

  it('every target has a page, and a stored link maps back to the same page', () => {
    for (const link of [
      '/pages/activity/index?id=a1',
      '/pages/hardship/detail?id=r1',
      '/packages/reviewer/request/index?id=r1',
      '/pages/group/index?id=g1',
      '/packages/reviewer/files/index?due=1',
    ]) {
      expect(targetPage(messageTarget('', link, 'x')!)).toBe(link)
    }
  })
})

describe('templates', () => {
  it('every kind has a label and a template; every occasion asks for at most what WeChat allows', () => {
    for (const kind of MESSAGE_KINDS) {
      expect(MESSAGE_KIND_LABELS[kind]).toMatch(/^[\u4e00-\u9fa5]+$/)
      expect(TEMPLATE_OF_KIND[kind]).toBeTruthy()
    }
    for (const keys of Object.values(SUBSCRIBE_OCCASIONS)) expect(keys.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST)
    // Signing up asks for every template an activity notice can come on.
    const activityTemplates = new Set(
      MESSAGE_KINDS.filter((k) => k.startsWith('activity') || k === 'waitlist-promoted' || k === 'lottery-result' || k === 'signup-resolved').map(
        (k) => TEMPLATE_OF_KIND[k],
      ),
    )
    expect(new Set(SUBSCRIBE_OCCASIONS.signUp)).toEqual(activityTemplates)
  })
})

describe('push slots', () => {
  const at = new Date('2026-03-01T00:00:00Z')
  it('title `<结果>：<事项>` gives the subject and a status phrase; a long head falls back to the kind', () => {
    expect(pushSlots({ kind: 'lottery-result', title: '未中签：书画展', body: '这次没有抽中', createdAt: at })).toMatchObject({
      subject: '书画展',
      status: '未中签',
      note: '这次没有抽中',
      time: at,
    })
    expect(pushSlots({ kind: 'voucher-expiring', title: '福利即将过期：中秋慰问品', body: 'x', createdAt: at })).toMatchObject({
      subject: '中秋慰问品',
      status: '即将到期',
    })
    expect(pushSlots({ kind: 'activity-reminder', title: '没有冒号的标题', body: '', createdAt: at })).toMatchObject({
      subject: '没有冒号的标题',
      status: '即将开始',
    })
  })

  it('hardship notices carry no category, amount, reason or name', () => {
    const slots = pushSlots({ kind: 'hardship-update', title: '李娜为您申报了「家庭特殊困难」', body: '需要补充材料：诊断证明', createdAt: at })
    expect(JSON.stringify(slots)).not.toMatch(/李娜|家庭特殊困难|诊断证明/)
    const reviewer = pushSlots({ kind: 'hardship-review-due', title: '困难职工档案到期复核', body: '刘洋 等共 2 份档案到了复核时间', createdAt: at })
    expect(JSON.stringify(reviewer)).not.toContain('刘洋')
  })
})
