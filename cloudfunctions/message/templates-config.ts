import { PUSH_SLOTS, TEMPLATE_KEYS, type PushSlot, type TemplateKey } from '@shared/domain/messages'
import { fieldTypeOf } from '@shared/domain/subscribe-fields'

/**
 * The union's subscription templates are configuration, never code: each mini-program gets its own
 * template ids when it picks templates in the console, and WeChat numbers their keywords
 * (`thing1`, `time4`…) in the order they were picked. One environment variable per template:
 *
 *   SUBSCRIBE_TEMPLATE_ACTIVITY_RESULT=<模板ID>;thing1=subject,phrase2=status,thing3=note,time4=time
 *
 * keyword=slot pairs say what goes in each keyword (slots: subject 事项, status 状态, note 说明,
 * title 标题, time 通知时间). A template left unset is simply not offered to members.
 * SUBSCRIBE_STATE (formal | trial | developer) says which build a tap on a notice opens.
 */
export interface TemplateConfig {
  readonly id: string
  readonly fields: Readonly<Record<string, PushSlot>>
}

export type TemplatesConfig = Readonly<Partial<Record<TemplateKey, TemplateConfig>>>

export const envNameOf = (key: TemplateKey): string => `SUBSCRIBE_TEMPLATE_${key.toUpperCase().replace(/-/g, '_')}`

/** Parses one variable; a malformed one is a deployment mistake and stops the function with the reason. */
export function parseTemplate(name: string, raw: string): TemplateConfig {
  const [id, fieldList = ''] = raw.trim().split(';')
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id ?? '')) throw new Error(`${name}: 模板 ID 格式不对`)
  const fields: Record<string, PushSlot> = {}
  for (const pair of fieldList
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [keyword, slot] = pair.split('=').map((p) => p.trim())
    if (!keyword || !fieldTypeOf(keyword)) throw new Error(`${name}: 「${keyword}」不是订阅消息的关键词（应形如 thing1、time2）`)
    if (!(PUSH_SLOTS as readonly string[]).includes(slot ?? '')) throw new Error(`${name}: 「${slot}」不是可用的内容（可用：${PUSH_SLOTS.join('、')}）`)
    fields[keyword] = slot as PushSlot
  }
  if (!Object.keys(fields).length) throw new Error(`${name}: 没有写关键词，例如 ${id};thing1=subject,time2=time`)
  return { id, fields }
}

/** Read on every use, so a changed environment (the console, a test) takes effect without a redeploy. */
export function loadTemplates(env: NodeJS.ProcessEnv = process.env): TemplatesConfig {
  const out: Partial<Record<TemplateKey, TemplateConfig>> = {}
  for (const key of TEMPLATE_KEYS) {
    const raw = env[envNameOf(key)]
    // Unset in .env: the deploy may leave the variable empty or as its `{{env.…}}` placeholder.
    if (raw && raw.trim() && !/^\{\{.*\}\}$/.test(raw.trim())) out[key] = parseTemplate(envNameOf(key), raw)
  }
  return out
}

export function miniprogramState(env: NodeJS.ProcessEnv = process.env): 'developer' | 'trial' | 'formal' {
  const s = env.SUBSCRIBE_STATE
  return s === 'developer' || s === 'trial' ? s : 'formal'
}
