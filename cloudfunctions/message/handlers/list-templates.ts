import { MAX_TEMPLATES_PER_REQUEST, TEMPLATE_KEYS, type TemplateKey } from '@shared/domain/messages'
import type { Handler } from '../../_lib/entry'
import { loadTemplates } from '../templates-config'

/** The configured template ids, for the client's requestSubscribeMessage; nothing is read from the database. */
export const listTemplates: Handler<'message.templates'> = async () => {
  const config = loadTemplates()
  const templates: Partial<Record<TemplateKey, string>> = {}
  for (const key of TEMPLATE_KEYS) if (config[key]) templates[key] = config[key].id
  return { templates, maxPerRequest: MAX_TEMPLATES_PER_REQUEST }
}
