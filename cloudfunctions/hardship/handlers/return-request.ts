import type { Handler } from '../../_lib/entry'
import { decideWithReason } from '../decide'

/** 退回补充材料: the applicant is told what is missing and may edit and resubmit. */
export const returnRequest: Handler<'hardship.return'> = async ({ deps, me, input }) => decideWithReason(deps, me, input.id, 'return', input.reason)
