import type * as z from 'zod/mini'
import type { Access } from '../domain/authorization'

/** One action: its input schema and, as a phantom type, its output. */
export interface ActionDef<I extends z.ZodMiniType, O, A extends Access = Access> {
  readonly input: I
  /** Who may call it; the function entry enforces this before the handler runs. */
  readonly access: A
  /** Field names worded for this action where the common labels would mislead (a group's `name` is not a person's). */
  readonly labels?: Readonly<Record<string, string>>
  /** Never set at run time: carries the output type to the client and the router. */
  readonly output?: O
}

/** `defineAction<Output>()(inputSchema)` — the output is a type only, so nothing extra ships. */
export const defineAction =
  <O>() =>
  <I extends z.ZodMiniType, const A extends Access>(input: I, access: A, labels?: Record<string, string>): ActionDef<I, O, A> =>
    labels ? { input, access, labels } : { input, access }
