import type { Deps } from '../_lib/deps'
import type { BindingDoc } from '../_lib/documents'
import { readAll } from '../_lib/read-all'

/**
 * The `bindings` records: `_id` = the WeChat openid, and (unionId, memberId) unique, so one WeChat
 * user ↔ one member whatever races. The caller is read through its binding (see membership.ts).
 */

export type StoredBinding = BindingDoc & { readonly via?: 'invite' | 'profile' }

/** This WeChat user's binding, if any. */
export async function bindingOf(deps: Deps, openid: string): Promise<StoredBinding | undefined> {
  return (await deps.db.collection('bindings').doc(openid).get()).data[0] as StoredBinding | undefined
}

/** Writes a binding; a duplicate key (the user or the member is bound already) throws for the caller to tell apart. */
export async function insertBinding(deps: Deps, binding: StoredBinding): Promise<void> {
  await deps.db.collection('bindings').add(binding)
}

/** Frees a member of their binding (a new phone): the user's next call is NOT_BOUND. */
export async function removeBindingsOf(deps: Deps, unionId: string, memberId: string): Promise<void> {
  await deps.db.collection('bindings').where({ unionId, memberId }).remove()
}

/** The bindings of these openids (at most `limit`). */
export async function bindingsOfUsers(deps: Deps, openids: readonly string[], limit: number): Promise<BindingDoc[]> {
  return (
    await deps.db
      .collection('bindings')
      .where({ _id: deps.db.command.in([...openids]) })
      .limit(limit)
      .get()
  ).data as BindingDoc[]
}

/** Ids of the union's members who have bound WeChat. */
export async function boundMemberIds(deps: Deps, unionId: string): Promise<Set<string>> {
  return new Set((await readAll<BindingDoc>(deps.db.collection('bindings').where({ unionId }).field({ memberId: true }))).map((b) => b.memberId))
}
