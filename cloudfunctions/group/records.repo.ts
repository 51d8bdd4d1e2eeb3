import type { GroupRecordView } from '@shared/contract'
import { countRead, stages, type SubRead } from '../_lib/batch-read'
import type { Deps } from '../_lib/deps'
import { temporaryLinks } from '../_lib/files'
import type { GroupRecordDoc } from './records'

/** The `group_records` records: a group's 纪实, newest event first. */

export async function insertRecord(deps: Deps, doc: GroupRecordDoc): Promise<void> {
  await deps.db.collection('group_records').add(doc)
}

/** One page of a group's records and their total, as reads inside the batch that loads the group. */
export function recordReads(deps: Deps, groupId: string, skip: number, limit: number): { page: SubRead; total: SubRead } {
  const where = { groupId }
  return {
    page: { from: 'group_records', pipeline: stages(deps).match(where).sort({ date: -1, createdAt: -1, _id: 1 }).skip(skip).limit(limit).done() },
    total: countRead(deps, 'group_records', where),
  }
}

/** A record's photos are served by links that expire, never by stable URLs. */
export async function toRecordViews(deps: Deps, docs: readonly GroupRecordDoc[]): Promise<GroupRecordView[]> {
  const links = await temporaryLinks(docs.flatMap((d) => d.photoFileIds))
  return docs.map((d) => ({
    id: d._id,
    title: d.title,
    date: d.date,
    text: d.text,
    author: d.authorName,
    photoUrls: d.photoFileIds.map((f) => links.get(f)).filter((u): u is string => !!u),
  }))
}
