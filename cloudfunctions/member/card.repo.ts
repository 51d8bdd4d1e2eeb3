import type { Deps } from '../_lib/deps'
import type { CardLiveCodeDoc } from '../_lib/documents'

/** Member-card digits live beside voucher digits in `live_codes`, in a space of their own. */
export const cardCodeId = (unionId: string, digits: string) => `card:${unionId}:${digits}`

/** What six card digits point at now: the member, if the digits exist in this union and have not expired. */
export async function cardCodeOf(deps: Deps, unionId: string, digits: string): Promise<CardLiveCodeDoc | null> {
  const row = (await deps.db.collection('live_codes').doc(cardCodeId(unionId, digits)).get()).data[0] as CardLiveCodeDoc | undefined
  return row && row.expiresAt >= deps.clock.now() ? row : null
}
