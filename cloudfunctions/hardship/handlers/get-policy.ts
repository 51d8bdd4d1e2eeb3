import { shanghaiYear } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { policyFor, policyView } from '../policy.repo'

/** The standards for a year (this year by default): every member may read them; the form shows them. */
export const getPolicy: Handler<'hardship.policy'> = async ({ deps, me, input }) =>
  policyView(await policyFor(deps, me.unionId, input.year ?? shanghaiYear(deps.clock.now())), deps.clock.now())
