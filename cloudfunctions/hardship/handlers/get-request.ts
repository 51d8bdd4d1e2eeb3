import type { Handler } from '../../_lib/entry'
import { loadVisible, toDetail } from '../requests.repo'

/** One request with its timeline and fresh photo links — for its member, its reporter and reviewers; NOT_FOUND to anyone else. */
export const getRequest: Handler<'hardship.get'> = async ({ deps, me, input }) => toDetail(deps, me, await loadVisible(deps, me, input.id))
