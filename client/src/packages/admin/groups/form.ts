/**
 * 新建 / 编辑兴趣小组: what the admin typed → `group.create` / `group.update`'s input, checked with
 * their schemas before sending. Pure, for tests.
 */
import type { ActionInput, GroupDetail, JoinPolicy } from '@shared/contract'
import { GroupCreateSchema, groupActions, MAX_LEADERS } from '@shared/contract/group.contract'
import { firstByField, parseInput, type FieldProblem } from '@shared/contract/validate'
import { sizeLimitRefusal } from '@shared/domain/group-size'

export { MAX_LEADERS }

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

export const emptyGroupForm = (): GroupForm => ({ name: '', description: '', joinPolicy: 'approval', sizeLimit: '', leaders: [] })

export const groupFormOf = (g: GroupDetail): GroupForm => ({
  name: g.name,
  description: g.description,
  joinPolicy: g.joinPolicy,
  sizeLimit: g.sizeLimit === null ? '' : String(g.sizeLimit),
  leaders: g.leaders.map((l) => ({ id: l.memberId, name: l.name, department: '' })),
})

/** What was typed, as the schemas take it: a limit left empty is none; one that is not a whole number reads as NaN (refused in the schema's words). */
function typedFields(form: GroupForm): { name: string; description: string; joinPolicy: JoinPolicy; sizeLimit: number | null } {
  const typed = form.sizeLimit.trim()
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    joinPolicy: form.joinPolicy,
    sizeLimit: !typed ? null : /^\d+$/.test(typed) ? Number(typed) : NaN,
  }
}

/** The form's fields by the schema's paths (`leaderIds` → the leaders picked). */
function errorsOf(problems: readonly FieldProblem[]): GroupFormErrors {
  const { leaderIds, ...rest } = firstByField<keyof GroupFormErrors | 'leaderIds'>(problems)
  return { ...rest, ...(leaderIds ? { leaders: leaderIds } : {}) }
}

export function createInput(form: GroupForm): { errors: GroupFormErrors } | { input: ActionInput<'group.create'> } {
  const input = { ...typedFields(form), leaderIds: form.leaders.map((l) => l.id) }
  const parsed = parseInput(GroupCreateSchema, input, groupActions['group.create'].labels)
  return parsed.ok ? { input } : { errors: errorsOf(parsed.problems) }
}

export type GroupChanges = Omit<ActionInput<'group.update'>, 'id'>

/** Only what changed, so saving an untouched form writes nothing. */
export function updateChanges(original: GroupDetail, form: GroupForm): { errors: GroupFormErrors } | { changes: GroupChanges } {
  const { name, description, joinPolicy, sizeLimit } = typedFields(form)
  const update = groupActions['group.update']
  const parsed = parseInput(update.input, { id: original.id, name, description, joinPolicy, sizeLimit }, update.labels)
  if (!parsed.ok) return { errors: errorsOf(parsed.problems) }
  const tooLow = sizeLimit === null ? null : sizeLimitRefusal(sizeLimit, original.memberCount)
  if (tooLow) return { errors: { sizeLimit: tooLow } }
  const changes: { -readonly [K in keyof GroupChanges]: GroupChanges[K] } = {}
  if (name !== original.name) changes.name = name
  if (description !== original.description) changes.description = description
  if (joinPolicy !== original.joinPolicy) changes.joinPolicy = joinPolicy
  if (sizeLimit !== original.sizeLimit) changes.sizeLimit = sizeLimit
  return { changes }
}
