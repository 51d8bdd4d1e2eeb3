import type { ActionInput, GroupDetail, JoinPolicy } from '@shared/contract'

export interface LeaderPick {
  readonly id: string
  readonly name: string
  readonly department: string
}

export interface GroupForm {
  name: string
  description: string
  joinPolicy: JoinPolicy
  /** As typed: empty means no limit. */
  sizeLimit: string
  /** Only when founding a group; later the leaders hand over themselves. */
  leaders: readonly LeaderPick[]
}

export type GroupFormErrors = Partial<Record<'name' | 'description' | 'sizeLimit' | 'leaders', string>>

export const MAX_LEADERS = 5

export const emptyGroupForm = (): GroupForm => ({ name: '', description: '', joinPolicy: 'approval', sizeLimit: '', leaders: [] })

export const groupFormOf = (g: GroupDetail): GroupForm => ({
  name: g.name,
  description: g.description,
  joinPolicy: g.joinPolicy,
  sizeLimit: g.sizeLimit === null ? '' : String(g.sizeLimit),
  leaders: g.leaders.map((l) => ({ id: l.memberId, name: l.name, department: '' })),
})

/** The server's limits, said before sending: 名称 1–30 字, 简介 ≤ 500, 上限 2–5000 or none. */
function checkFields(form: GroupForm, errors: GroupFormErrors): { name: string; description: string; sizeLimit: number | null } {
  const name = form.name.trim()
  const description = form.description.trim()
  if (!name) errors.name = '请填写小组名称'
  else if (name.length > 30) errors.name = '小组名称不能超过 30 个字'
  if (description.length > 500) errors.description = '简介不能超过 500 个字'
  const typed = form.sizeLimit.trim()
  let sizeLimit: number | null = null
  if (typed) {
    if (!/^\d+$/.test(typed)) errors.sizeLimit = '人数上限请填写整数，不限人数就留空'
    else {
      sizeLimit = Number(typed)
      if (sizeLimit < 2) errors.sizeLimit = '人数上限不能小于 2'
      else if (sizeLimit > 5000) errors.sizeLimit = '人数上限不能超过 5000'
    }
  }
  return { name, description, sizeLimit }
}

export function createInput(form: GroupForm): { errors: GroupFormErrors } | { input: ActionInput<'group.create'> } {
  const errors: GroupFormErrors = {}
  const { name, description, sizeLimit } = checkFields(form, errors)
  if (form.leaders.length === 0) errors.leaders = '请至少选择一位组长'
  else if (form.leaders.length > MAX_LEADERS) errors.leaders = `组长最多 ${MAX_LEADERS} 位`
  else if (!errors.sizeLimit && sizeLimit !== null && sizeLimit < form.leaders.length) errors.sizeLimit = '人数上限不能少于组长人数'
  if (Object.keys(errors).length) return { errors }
  return { input: { name, description, joinPolicy: form.joinPolicy, sizeLimit, leaderIds: form.leaders.map((l) => l.id) } }
}

export type GroupChanges = Omit<ActionInput<'group.update'>, 'id'>

/** Only what changed, so saving an untouched form writes nothing. */
export function updateChanges(original: GroupDetail, form: GroupForm): { errors: GroupFormErrors } | { changes: GroupChanges } {
  const errors: GroupFormErrors = {}
  const { name, description, sizeLimit } = checkFields(form, errors)
  if (!errors.sizeLimit && sizeLimit !== null && sizeLimit < original.memberCount) errors.sizeLimit = `人数上限不能少于现有的 ${original.memberCount} 人`
  if (Object.keys(errors).length) return { errors }
  const changes: { -readonly [K in keyof GroupChanges]: GroupChanges[K] } = {}
  if (name !== original.name) changes.name = name
  if (description !== original.description) changes.description = description
  if (form.joinPolicy !== original.joinPolicy) changes.joinPolicy = form.joinPolicy
  if (sizeLimit !== original.sizeLimit) changes.sizeLimit = sizeLimit
  return { changes }
}
