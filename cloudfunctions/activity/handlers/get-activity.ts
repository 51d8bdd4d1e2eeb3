import type { Handler } from '../../_lib/entry'
import { loadDetail } from '../activity-detail'

export const getActivity: Handler<'activity.get'> = async ({ deps, me, input }) => loadDetail(deps, me, input.id)
