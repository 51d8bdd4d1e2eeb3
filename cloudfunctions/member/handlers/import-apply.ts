// TEMPORARY placeholder written by the lead so the tree compiles; helper-3 replaces this file.
import type { Handler } from '../../_lib/entry'
import { notFound } from '../../_lib/app-error'
export const importApply: Handler<'member.importApply'> = async () => {
  throw notFound('没有找到这个导入任务')
}
