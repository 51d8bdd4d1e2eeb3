import type { Handler } from '../../_lib/entry'
import { fileRow, filesPage, todayIn } from '../files.repo'

/** 困难职工档案 on file, the next review first; or only those due for review. */
export const listFiles: Handler<'hardship.files'> = async ({ deps, me, input }) => {
  const today = todayIn(deps)
  const { docs, total } = await filesPage(deps, me.unionId, input.dueOnly ? today : null, input.page, input.pageSize)
  return { items: docs.map((f) => fileRow(f, today)), total, page: input.page, pageSize: input.pageSize }
}
