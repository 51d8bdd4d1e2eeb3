import { newKey } from './form-key'
import { at, HOUR } from './time'

/** An event's times as activity.create takes them, in hours from now; sign-up opened an hour ago unless `opened` says when. */
export const eventHours = (h: { start: number; end: number; closes: number; cancelBy: number; opened?: number }) => ({
  startAt: at(h.start * HOUR),
  endAt: at(h.end * HOUR),
  signUpOpensAt: at((h.opened ?? -1) * HOUR),
  signUpClosesAt: at(h.closes * HOUR),
  cancelDeadline: at(h.cancelBy * HOUR),
})

/** The 发布活动 form as the client sends it (its key made once): a union-wide hike open for sign-up now, starting in two days. */
export const activityForm = (over: object = {}) => ({
  key: newKey(),
  scope: { kind: 'union' },
  title: '重阳登山',
  type: '登山',
  place: '凤凰山北门',
  ...eventHours({ start: 48, end: 52, closes: 24, cancelBy: 36 }),
  capacity: 2,
  ...over,
})

/** 李娜's 财务科 walk, today, that funds tests claim expenses for (its sign-up closes within the hour). */
export const financeWalkForm = () =>
  activityForm({
    scope: { kind: 'department', id: 'demo-dept-2' },
    title: '财务科健步走',
    type: '健步走',
    place: '滨江步道',
    ...eventHours({ start: 2, end: 4, closes: 1, cancelBy: 1 }),
    capacity: 20,
  })

/** The 修改活动 form for an event as activity.get answered it, before the organizer changes anything. */
export const editFormOf = (d: {
  id: string
  title: string
  type: string
  place: string
  startAt: string
  endAt: string
  signUpOpensAt: string
  signUpClosesAt: string
  cancelDeadline: string
}) => ({
  id: d.id,
  title: d.title,
  type: d.type,
  place: d.place,
  startAt: d.startAt,
  endAt: d.endAt,
  signUpOpensAt: d.signUpOpensAt,
  signUpClosesAt: d.signUpClosesAt,
  cancelDeadline: d.cancelDeadline,
})
