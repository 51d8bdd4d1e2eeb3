import type { Deps } from '../_lib/deps'
import type { UnionDoc } from '../_lib/documents'

/** The caller's union record (the union always comes from the caller, never from the input). */
export async function unionOf(deps: Deps, unionId: string): Promise<UnionDoc | undefined> {
  return (await deps.db.collection('unions').doc(unionId).get()).data[0] as UnionDoc | undefined
}

/** 联系工会: one write to the union's own document, with who set it and when. */
export async function saveUnionContact(deps: Deps, unionId: string, contact: NonNullable<UnionDoc['contact']>, by: string): Promise<void> {
  await deps.db.collection('unions').doc(unionId).update({ contact, contactUpdatedAt: deps.clock.now(), contactUpdatedBy: by })
}
