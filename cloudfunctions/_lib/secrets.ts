import * as z from 'zod/mini'

/**
 * Secrets come from the function's configuration (CloudBase environment variables set at deploy
 * time from cloudbaserc.json), never from the client bundle. Validated once at start-up.
 */
const SecretsSchema = z.object({
  /** HMAC key for voucher and check-in codes; at least 32 characters. */
  UNION_CODE_SECRET: z.string().check(z.minLength(32)),
})

export type Secrets = Readonly<{ codeSigning: string }>

let cached: { readonly raw: string | undefined; readonly secrets: Secrets } | undefined

/** Validated once per value: a process that hosts several local platforms in turn (the bench) follows the current one. */
export function loadSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  if (cached && env === process.env && cached.raw === env.UNION_CODE_SECRET) return cached.secrets
  const parsed = z.safeParse(SecretsSchema, env)
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ')
    throw new Error(`function configuration is missing or too short: ${names}`)
  }
  const secrets: Secrets = { codeSigning: parsed.data.UNION_CODE_SECRET }
  if (env === process.env) cached = { raw: env.UNION_CODE_SECRET, secrets }
  return secrets
}
