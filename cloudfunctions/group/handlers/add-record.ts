import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { GroupRecordDoc } from '../records'
import { insertRecord, toRecordViews } from '../records.repo'
import { loadGroup, requireManager } from '../groups.repo'
import { uploadFolderOf } from '../../_lib/uploads'

/** 纪实: a leader keeps a record of an event with photos, so the group's year leaves a trace. */
export const addRecord: Handler<'group.addRecord'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireManager(me, g)
  // Photos must be this user's own uploads (see member.me's uploadFolder).
  if (input.photoFileIds.some((f) => !f.includes(`/${uploadFolderOf(me.openid)}/`))) throw invalid('照片需要由您本人上传', { field: 'photoFileIds' })
  const doc: GroupRecordDoc = {
    _id: deps.ids.next(),
    unionId: me.unionId,
    groupId: g.id,
    title: input.title,
    date: input.date,
    text: input.text,
    photoFileIds: input.photoFileIds,
    createdBy: me.member._id,
    authorName: me.member.name,
    createdAt: deps.clock.now(),
  }
  await insertRecord(deps, doc)
  return (await toRecordViews(deps, [doc]))[0]
}
