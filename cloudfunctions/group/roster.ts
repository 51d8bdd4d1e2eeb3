import type { RosterEntry } from '@shared/contract'
import { formatShanghai } from '@shared/domain/time'
import type { Deps } from '../_lib/deps'
import type { GroupMemberDoc, MemberDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'
import { leadersOf, manages, type GroupRef } from './groups.repo'

export interface RosterPage {
  readonly items: RosterEntry[]
  readonly total: number
}

/**
 * One page of a group's roster. Everyone sees names and departments; a leader or admin also sees
 * the phone of an interest-group member who agreed to share it when joining.
 */
export async function rosterPage(deps: Deps, me: CallerMember, g: GroupRef, skip: number, limit: number): Promise<RosterPage> {
  const { db } = deps
  const _ = db.command
  const leaders = new Set((await leadersOf(deps, g)).map((l) => l.memberId))
  if (g.kind === 'department') {
    const query = db.collection('members').where({ unionId: g.unionId, departmentId: g.departmentId, status: _.neq('离会') })
    const [page, count] = await Promise.all([query.orderBy('memberNo', 'asc').orderBy('_id', 'asc').skip(skip).limit(limit).field({ name: true, departmentName: true, joinDate: true }).get(), query.count()])
    const items = (page.data as MemberDoc[]).map((m) => ({ memberId: m._id, name: m.name, department: m.departmentName, joinedAt: m.joinDate ?? '', isLeader: leaders.has(m._id) }))
    return { items, total: count.total }
  }
  const query = db.collection('group_members').where({ groupId: g.id, status: 'active' })
  const [page, count] = await Promise.all([query.orderBy('joinedAt', 'asc').orderBy('_id', 'asc').skip(skip).limit(limit).get(), query.count()])
  const entries = page.data as GroupMemberDoc[]
  const phones = new Map<string, string>()
  const sharing = manages(me, g) ? entries.filter((e) => e.shareContact).map((e) => e.memberId) : []
  if (sharing.length) {
    const res = await db.collection('members').where({ _id: _.in(sharing), unionId: g.unionId }).field({ phone: true }).limit(sharing.length).get()
    for (const m of res.data as MemberDoc[]) if (m.phone) phones.set(m._id, m.phone)
  }
  const items = entries.map((e) => {
    const entry: RosterEntry = { memberId: e.memberId, name: e.memberName, department: e.departmentName, joinedAt: e.joinedAt ? formatShanghai(e.joinedAt, 'YYYY-MM-DD') : '', isLeader: leaders.has(e.memberId) }
    const phone = phones.get(e.memberId)
    return phone ? { ...entry, phone } : entry
  })
  return { items, total: count.total }
}
