import type { Handler } from '../../_lib/entry'
import { decideWithReason } from '../decide'

/** 不予批准, with the reason the applicant reads. */
export const rejectRequest: Handler<'hardship.reject'> = async ({ deps, me, input }) => decideWithReason(deps, me, input.id, 'reject', input.reason)
