import type { Handler } from '../../_lib/entry'
import type { HardshipFileDoc } from '../records'
import { fileRow, FILES, todayIn } from '../files.repo'

/** 困难职工档案 on file, the next review first; or only those due for review. */
export const listFiles: Handler<'hardship.files'> = async ({ deps, me, input }) => {
  const _ = deps.db.command
  const today = todayIn(deps)
  const query = deps.db.collection(FILES).where({ unionId: me.unionId, active: true, ...(input.dueOnly ? { nextReviewOn: _.lte(today) } : {}) })
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('nextReviewOn', 'asc').orderBy('memberName', 'asc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).get(),
    query.count(),
  ])
  return { items: (pageRes.data as HardshipFileDoc[]).map((f) => fileRow(f, today)), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
