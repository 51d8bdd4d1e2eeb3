import type { Handler } from '../../_lib/entry'
import type { BindingDoc, MemberDoc } from '../../_lib/documents'
import { escapeRegExp } from '../../_lib/db-errors'
import { toMemberRow } from '../../_lib/members.repo'

/** The admin's roster: filtered, searched by name or 会员编号, paged; count and page in parallel. */
export const listMembers: Handler<'member.list'> = async ({ deps, me, input }) => {
  const { db } = deps
  const _ = db.command
  const filters: object[] = [{ unionId: me.unionId }]
  if (input.departmentId) filters.push({ departmentId: input.departmentId })
  if (input.status) filters.push({ status: input.status })
  if (input.keyword) {
    const text = escapeRegExp(input.keyword)
    filters.push(_.or([{ name: db.RegExp({ regexp: text }) }, { memberNo: db.RegExp({ regexp: `^${text}`, options: 'i' }) }]))
  }
  const query = db.collection('members').where(_.and(filters))
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('memberNo', 'asc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).get(),
    query.count(),
  ])
  const members = pageRes.data as MemberDoc[]
  const bound = new Set<string>()
  if (members.length) {
    const res = await db.collection('bindings').where({ unionId: me.unionId, memberId: _.in(members.map((m) => m._id)) }).limit(members.length).get()
    for (const b of res.data as BindingDoc[]) bound.add(b.memberId)
  }
  return { items: members.map((m) => toMemberRow(m, bound.has(m._id))), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
