import type { Handler } from '../../_lib/entry'
import { activityDetail, loadActivity } from '../activities.repo'

export const getActivity: Handler<'activity.get'> = async ({ deps, me, input }) => activityDetail(deps, me, await loadActivity(deps, me, input.id))
