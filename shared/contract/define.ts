import type * as z from 'zod/mini'

/** One action: its input schema and, as a phantom type, its output. */
export interface ActionDef<I extends z.ZodMiniType, O> {
  readonly input: I
  /** Never set at run time: carries the output type to the client and the router. */
  readonly output?: O
}

/** `defineAction<Output>()(inputSchema)` — the output is a type only, so nothing extra ships. */
export const defineAction =
  <O>() =>
  <I extends z.ZodMiniType>(input: I): ActionDef<I, O> => ({ input })
