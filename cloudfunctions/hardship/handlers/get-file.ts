import type { Handler } from '../../_lib/entry'
import { fileDetail } from '../files.repo'

/** One member's file, visits and requests, for reviewers (a member of another union does not exist). */
export const getFile: Handler<'hardship.file'> = async ({ deps, me, input }) => fileDetail(deps, me.unionId, input.memberId)
