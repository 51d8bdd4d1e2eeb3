import type * as z from 'zod/mini'
import type { ActionDef } from './define'
import { memberActions } from './member.contract'
import { groupActions } from './group.contract'
import { activityActions } from './activity.contract'
import { hardshipActions } from './hardship.contract'
import { benefitActions } from './benefit.contract'
import { fundsActions } from './funds.contract'
import { messageActions } from './message.contract'

/** The whole API: `<function>.<action>` → input schema and output type. */
export const actions = {
  ...memberActions,
  ...groupActions,
  ...activityActions,
  ...hardshipActions,
  ...benefitActions,
  ...fundsActions,
  ...messageActions,
} as const

export type Actions = typeof actions
export type ActionName = keyof Actions
export type FunctionOf<N extends string> = N extends `${infer F}.${string}` ? F : never
export type ActionOf<N extends string> = N extends `${string}.${infer A}` ? A : never
export type FunctionName = FunctionOf<ActionName>
export type ActionsOf<F extends FunctionName> = Extract<ActionName, `${F}.${string}`>
export type ActionInput<N extends ActionName> = z.input<Actions[N]['input']>
export type ActionParsed<N extends ActionName> = z.output<Actions[N]['input']>
export type ActionOutput<N extends ActionName> = Actions[N] extends ActionDef<z.ZodMiniType, infer O, infer _A> ? O : never
/** True when the action needs a bound member (the entry resolves it before the handler runs). */
export type NeedsMember<N extends ActionName> = Actions[N]['access'] extends { kind: 'member' } ? true : false

export const FUNCTION_NAMES: readonly FunctionName[] = [...new Set(Object.keys(actions).map((n) => n.split('.')[0]))] as FunctionName[]
