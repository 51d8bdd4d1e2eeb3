import type { CloudMain } from './function-runner'

/**
 * Each function's TypeScript source as it is (no bundle), so function tests and `bench --source`
 * run the code under test, not a stale bundle.
 */
// Loaded on first use (require), so a test that runs one function does not load all seven.
/* eslint-disable @typescript-eslint/no-require-imports */
export const sourceFunctions = (name: string): CloudMain | undefined => {
  const mains: Record<string, () => CloudMain> = {
    member: () => require('../../cloudfunctions/member').main,
    group: () => require('../../cloudfunctions/group').main,
    activity: () => require('../../cloudfunctions/activity').main,
    hardship: () => require('../../cloudfunctions/hardship').main,
    benefit: () => require('../../cloudfunctions/benefit').main,
    funds: () => require('../../cloudfunctions/funds').main,
    message: () => require('../../cloudfunctions/message').main,
  }
  return mains[name]?.()
}
/* eslint-enable @typescript-eslint/no-require-imports */
