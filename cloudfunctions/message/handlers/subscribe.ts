import { TEMPLATE_LABELS } from '@shared/domain/messages'
import { invalid } from '../../_lib/app-error'
import type { Handler } from '../../_lib/entry'
import { addCredit, creditCounts } from '../credits.repo'
import { loadTemplates } from '../templates-config'

/**
 * The member accepted these templates in requestSubscribeMessage: one credit each, capped. Every key
 * is checked before anything is written, so a report naming a template the union has not set up
 * changes nothing.
 */
export const subscribe: Handler<'message.subscribe'> = async ({ deps, me, input, requestId }) => {
  const config = loadTemplates()
  const unknown = input.accepted.filter((key) => !config[key])
  if (unknown.length) throw invalid(`「${unknown.map((k) => TEMPLATE_LABELS[k]).join('、')}」尚未开通，无法订阅`, { field: 'accepted' })
  for (const key of input.accepted) await addCredit(deps, me.unionId, me.member._id, key, requestId)
  return { credits: await creditCounts(deps, me.unionId, me.member._id, input.accepted) }
}
