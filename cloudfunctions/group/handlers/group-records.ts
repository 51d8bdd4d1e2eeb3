import type { Handler } from '../../_lib/entry'
import { countOf } from '../../_lib/batch-read'
import { loadGroupWith } from '../groups.repo'
import { recordReads, toRecordViews } from '../records.repo'
import type { GroupRecordDoc } from '../records'

/** 纪实: a page of the group's records (kept under the group's id, 工会小组 too), read with the group in one round trip. */
export const groupRecords: Handler<'group.records'> = async ({ deps, me, input }) => {
  const { rows } = await loadGroupWith(deps, me, input.id, () => recordReads(deps, input.id, (input.page - 1) * input.pageSize, input.pageSize))
  return { items: await toRecordViews(deps, rows.page as GroupRecordDoc[]), total: countOf(rows.total), page: input.page, pageSize: input.pageSize }
}
