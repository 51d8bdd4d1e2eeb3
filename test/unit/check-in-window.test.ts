import { CHECK_IN_OPENS_MINUTES_BEFORE, checkInPhase, checkInRefusal, checkInWindow, isWithinCheckIn } from '@shared/domain/check-in'

// 12月13日 08:30–11:30 in Shanghai.
const event = { startAt: new Date('2026-12-13T00:30:00Z'), endAt: new Date('2026-12-13T03:30:00Z') }
const MIN = 60_000

describe('check-in window', () => {
  it('opens two hours before the start and closes at the end', () => {
    expect(CHECK_IN_OPENS_MINUTES_BEFORE).toBe(120)
    expect(checkInWindow(event)).toEqual({ opensAt: new Date('2026-12-12T22:30:00Z'), closesAt: event.endAt })
    expect(checkInWindow(event, 30).opensAt).toEqual(new Date('2026-12-13T00:00:00Z'))
  })

  it.each([
    ['a week before (the reported 12-05 check-in)', new Date('2026-12-05T09:43:00Z'), 'not-yet'],
    ['one minute before it opens', new Date(event.startAt.getTime() - 121 * MIN), 'not-yet'],
    ['the moment it opens', new Date(event.startAt.getTime() - 120 * MIN), 'open'],
    ['at the start', event.startAt, 'open'],
    ['the moment it ends', event.endAt, 'open'],
    ['a minute after the end', new Date(event.endAt.getTime() + MIN), 'closed'],
    ['the next day', new Date('2026-12-14T01:00:00Z'), 'closed'],
  ] as const)('%s → %s', (_, at, phase) => {
    expect(checkInPhase(event, at)).toBe(phase)
    expect(isWithinCheckIn(event, at)).toBe(phase === 'open')
  })

  it('says when check-in opens or that it closed, in Shanghai time', () => {
    expect(checkInRefusal(event, new Date('2026-12-05T09:43:00Z'))).toBe('签到将于 12月13日 周日 06:30 开始（活动开始前 2 小时）')
    expect(checkInRefusal(event, event.startAt)).toBeNull()
    expect(checkInRefusal(event, new Date('2026-12-14T01:00:00Z'))).toBe('活动已于 12月13日 周日 11:30 结束，签到已关闭')
  })
})
