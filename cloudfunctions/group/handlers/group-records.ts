import type { GroupRecordView } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import type { GroupRecordDoc } from '../../_lib/documents'
import { temporaryLinks } from '../../_lib/files'
import { loadGroup } from '../groups.repo'

/** A record's photos are served by links that expire, never by stable URLs. */
export async function toRecordViews(deps: Deps, docs: readonly GroupRecordDoc[]): Promise<GroupRecordView[]> {
  const links = await temporaryLinks(docs.flatMap((d) => d.photoFileIds))
  return docs.map((d) => ({ id: d._id, title: d.title, date: d.date, text: d.text, author: d.authorName, photoUrls: d.photoFileIds.map((f) => links.get(f)).filter((u): u is string => !!u) }))
}

export const groupRecords: Handler<'group.records'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  const query = deps.db.collection('group_records').where({ groupId: g.id })
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('date', 'desc').orderBy('createdAt', 'desc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).get(),
    query.count(),
  ])
  return { items: await toRecordViews(deps, pageRes.data as GroupRecordDoc[]), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
