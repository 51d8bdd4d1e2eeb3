import { hasRole } from '@shared/domain/authorization'
import { AppError, invalid } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { MemberDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'
import { memberInUnion } from '../_lib/members.repo'
import { activeInAnyGroup } from './people.repo'

/** Committee members and reviewers report for anyone in the union; a leader for the department or groups they lead. */
export const reportsForAll = (me: CallerMember): boolean => hasRole(me.subject, 'admin') || hasRole(me.subject, 'reviewer')

export const ledDepartments = (me: CallerMember): string[] =>
  me.subject.grants.filter((g) => g.role === 'leader' && g.scope?.kind === 'department').map((g) => g.scope!.id)
export const ledGroups = (me: CallerMember): string[] =>
  me.subject.grants.filter((g) => g.role === 'leader' && g.scope?.kind === 'group').map((g) => g.scope!.id)

/**
 * The colleague a request is filed for (第一知情人、第一报告人 report what they learn): a member of the
 * caller's union, still in it, whom the caller may report for. Reads only; refusals write nothing.
 */
export async function reportTarget(deps: Deps, me: CallerMember, memberId: string): Promise<MemberDoc> {
  if (!reportsForAll(me) && !hasRole(me.subject, 'leader')) throw new AppError('FORBIDDEN', '为同事申报需要由工会小组长或工会委员办理')
  const target = await memberInUnion(deps, me.unionId, memberId)
  if (target.status === '离会') throw invalid('这位会员已离会', { field: 'forMemberId' })
  if (reportsForAll(me) || ledDepartments(me).includes(target.departmentId)) return target
  if (await activeInAnyGroup(deps, ledGroups(me), memberId)) return target
  throw new AppError('FORBIDDEN', '只能为您带领的部门或小组的会员申报')
}
