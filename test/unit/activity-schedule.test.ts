import { changeNotice, scheduleProblem, type Schedule } from '@shared/domain/activity-schedule'

const t = (s: string) => new Date(`2026-12-${s}+08:00`)
const base: Schedule = {
  startAt: t('05T09:00:00'),
  endAt: t('05T12:00:00'),
  signUpOpensAt: t('01T09:00:00'),
  signUpClosesAt: t('03T18:00:00'),
  cancelDeadline: t('04T18:00:00'),
  allocation: 'fcfs',
  drawAt: null,
  capacity: 20,
}

describe('scheduleProblem', () => {
  it('accepts a sensible first-come schedule and names the first wrong time', () => {
    expect(scheduleProblem(base)).toBeNull()
    expect(scheduleProblem({ ...base, endAt: base.startAt })).toEqual({ field: 'endAt', message: '结束时间要晚于开始时间' })
    expect(scheduleProblem({ ...base, signUpClosesAt: base.signUpOpensAt })?.field).toBe('signUpClosesAt')
    expect(scheduleProblem({ ...base, signUpClosesAt: t('05T10:00:00') })?.message).toBe('报名截止时间不能晚于活动开始时间')
    expect(scheduleProblem({ ...base, cancelDeadline: t('05T09:01:00') })?.field).toBe('cancelDeadline')
  })

  it('a lottery needs a capacity and a draw time after sign-up closes and before the start', () => {
    const lottery = { ...base, allocation: 'lottery' as const, drawAt: t('04T10:00:00') }
    expect(scheduleProblem(lottery)).toBeNull()
    expect(scheduleProblem({ ...lottery, drawAt: base.signUpClosesAt })).toBeNull()
    expect(scheduleProblem({ ...lottery, capacity: null })?.message).toBe('抽签活动需要设定名额')
    expect(scheduleProblem({ ...lottery, drawAt: null })?.message).toBe('请设定抽签时间')
    expect(scheduleProblem({ ...lottery, drawAt: t('03T17:59:00') })?.message).toBe('抽签时间不能早于报名截止时间')
    expect(scheduleProblem({ ...lottery, drawAt: t('05T09:30:00') })?.message).toBe('抽签时间不能晚于活动开始时间')
  })
})

describe('changeNotice', () => {
  const now = t('01T12:00:00')
  const before = { title: '冬季登山', place: '凤凰山北门', startAt: base.startAt, endAt: base.endAt, cancelDeadline: base.cancelDeadline, drawAt: null }

  it('says nothing when nothing a member relies on changed', () => {
    expect(changeNotice(before, { ...before, startAt: new Date(base.startAt.getTime()) }, now)).toBeNull()
  })

  it('lists what changed, in the house style (Shanghai time, the end without the date when on the same day)', () => {
    expect(changeNotice(before, { ...before, place: '南门', startAt: t('06T08:00:00'), endAt: t('06T11:30:00') }, now)).toBe(
      '时间改为 12月6日 周日 08:00—11:30；地点改为 南门。',
    )
    expect(changeNotice(before, { ...before, endAt: t('06T11:30:00') }, now)).toBe('时间改为 12月5日 09:00—12月6日 11:30。')
    expect(changeNotice(before, { ...before, title: '冬季健步走', cancelDeadline: t('04T12:00:00') }, now)).toBe(
      '活动名称改为「冬季健步走」；取消报名截止时间改为 12月4日 周五 12:00。',
    )
    expect(changeNotice(before, { ...before, drawAt: t('04T10:00:00') }, now)).toBe('抽签时间改为 12月4日 周五 10:00。')
  })
})
