import { localDb } from './local-db'

/** A member record of the demo union as the roster holds it (`_id` doubles as the openid it is bound to). */
export interface RosterMember {
  _id: string
  name: string
  gender: string
  departmentId: string
  departmentName: string
  memberNo: string
  phone: string
  /** 在职 unless said. */
  status?: string
}

/** Adds members to the demo union in one batch insert, and binds each to the openid of its id unless `bind` is false. */
export async function seedRosterMembers(members: RosterMember[], bind: (m: RosterMember) => boolean = () => true): Promise<void> {
  const db = localDb()
  await db.collection('members').add(members.map((m) => ({ unionId: 'demo-union', status: '在职', ...m })))
  const bound = members.filter(bind)
  if (bound.length) await db.collection('bindings').add(bound.map((m) => ({ _id: m._id, unionId: 'demo-union', memberId: m._id, boundAt: new Date() })))
}

/** Adds `count` bound members to the demo union (openids `bulk-<i>`), in one batch insert per collection. */
export async function seedManyMembers(count: number, prefix = 'bulk'): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  for (let start = 0; start < count; start += 500) {
    await seedRosterMembers(
      ids.slice(start, start + 500).map((id, j) => ({
        _id: id,
        name: `会员${start + j}`,
        gender: '女',
        departmentId: 'demo-dept-3',
        departmentName: '人事科',
        memberNo: `${prefix.toUpperCase()}${start + j}`,
        phone: `1350000${String(start + j).padStart(4, '0')}`,
      })),
    )
  }
  return ids
}
