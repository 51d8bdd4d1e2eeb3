/** The group page's one button, from where the member stands: join, apply, wait, leave, full, or none. */
import type { GroupCard } from '@shared/contract'
import { joinViewOf } from '../../client/src/pages/group/join'
import { countText, idParam, isFull, withId } from '../../client/src/constants/groups'

const card = (over: Partial<GroupCard> = {}): GroupCard => ({
  id: 'g1',
  kind: 'interest',
  name: '羽毛球',
  description: '',
  memberCount: 5,
  sizeLimit: 20,
  joinPolicy: 'open',
  myStatus: null,
  iLead: false,
  ...over,
})

it('offers 加入 for an open group and 申请加入 where the leader approves', () => {
  expect(joinViewOf(card())).toEqual({ button: { text: '加入', move: 'join' } })
  expect(joinViewOf(card({ joinPolicy: 'approval' }))).toMatchObject({ button: { text: '申请加入', move: 'join' }, note: '加入需要组长审核' })
})

it('says 已满员 (and offers nothing to press) when every seat is taken', () => {
  expect(joinViewOf(card({ memberCount: 20 }))).toMatchObject({ button: { text: '已满员', disabled: true } })
  // No limit: never full.
  expect(joinViewOf(card({ memberCount: 999, sizeLimit: null })).button).toEqual({ text: '加入', move: 'join' })
})

it('shows 待组长审核 with 撤回申请 while waiting, and 已加入 with 退出小组 once in', () => {
  expect(joinViewOf(card({ myStatus: 'pending', joinPolicy: 'approval' }))).toMatchObject({
    tag: { text: '待组长审核', tone: 'waiting' },
    button: { text: '撤回申请', move: 'withdraw' },
  })
  expect(joinViewOf(card({ myStatus: 'active' }))).toMatchObject({ tag: { text: '已加入', tone: 'ok' }, button: { text: '退出小组', move: 'leave' } })
  // A member of a full group can still leave.
  expect(joinViewOf(card({ myStatus: 'active', memberCount: 20 })).button?.move).toBe('leave')
})

it('tells the group’s own leader to hand over instead of offering 退出小组', () => {
  const view = joinViewOf(card({ myStatus: 'active', iLead: true }), true)
  expect(view.button).toBeUndefined()
  expect(view.note).toContain('移交')
  // An admin who joined as a member may leave like anyone.
  expect(joinViewOf(card({ myStatus: 'active', iLead: true }), false).button?.move).toBe('leave')
})

it('has no button for a union group: membership follows the roster', () => {
  const mine = joinViewOf(card({ kind: 'department', myStatus: 'active', sizeLimit: null }))
  expect(mine.button).toBeUndefined()
  expect(mine.tag?.text).toBe('本部门')
  expect(joinViewOf(card({ kind: 'department', sizeLimit: null })).button).toBeUndefined()
})

it('counts with or without a limit, and carries union-group ids safely in links', () => {
  expect(countText({ memberCount: 3, sizeLimit: null })).toBe('3 人')
  expect(countText({ memberCount: 3, sizeLimit: 10 })).toBe('3 / 10 人')
  expect(isFull({ memberCount: 10, sizeLimit: 10 })).toBe(true)
  expect(withId('/pages/group/index', 'dept:d-1')).toBe('/pages/group/index?id=dept%3Ad-1')
  expect(idParam('dept%3Ad-1')).toBe('dept:d-1')
  expect(idParam('dept:d-1')).toBe('dept:d-1')
  expect(idParam(undefined)).toBe('')
})
