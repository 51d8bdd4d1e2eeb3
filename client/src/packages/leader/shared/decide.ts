import { ActionError } from '../../../services/cloud'

/**
 * Sends a leader's decision on a member (同意, 拒绝, 移出), then shows the list as it now stands. A
 * refusal (toasted by callAction: decided meanwhile, the group full) ends it too, so the list
 * reloads; only a lost answer rejects, and a dialog stays open for another try.
 */
export async function decideThenSettle(send: () => Promise<void>, settle: () => Promise<unknown>): Promise<void> {
  try {
    await send()
  } catch (err) {
    if (!(err instanceof ActionError) || err.code === 'NETWORK') throw err
  }
  await settle()
}
