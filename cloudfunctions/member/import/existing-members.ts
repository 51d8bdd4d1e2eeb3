import type { Database } from '../../_lib/db'
import { EXISTING_PROJECTION, type ExistingMember } from './member-changes'

const PAGE = 1000

/**
 * Every member of the union, by 会员编号, with only the compared fields. Pages follow 会员编号
 * (not skip), so each page is a range of the unique (unionId, memberNo) index however large the
 * union is.
 */
export async function loadUnionMembers(db: Database, unionId: string): Promise<Map<string, ExistingMember>> {
  const _ = db.command
  const byNo = new Map<string, ExistingMember>()
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? { unionId } : { unionId, memberNo: _.gt(after) }
    const { data } = await db.collection('members').where(where).orderBy('memberNo', 'asc').field(EXISTING_PROJECTION).limit(PAGE).get()
    for (const m of data as ExistingMember[]) byNo.set(m.memberNo, m)
    if (data.length < PAGE) return byNo
    after = (data[data.length - 1] as ExistingMember).memberNo
  }
}

/** The members with these 会员编号 (at most 1000: one chunk). */
export async function loadMembersByNo(db: Database, unionId: string, memberNos: readonly string[]): Promise<Map<string, ExistingMember>> {
  if (memberNos.length === 0) return new Map()
  const { data } = await db
    .collection('members')
    .where({ unionId, memberNo: db.command.in([...memberNos]) })
    .field(EXISTING_PROJECTION)
    .limit(PAGE)
    .get()
  return new Map((data as ExistingMember[]).map((m) => [m.memberNo, m]))
}
