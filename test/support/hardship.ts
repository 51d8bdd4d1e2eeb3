import { localDb } from './local-db'

export { JPEG, PNG, upload } from './uploads'
export { newKey } from './form-key'

/** A reviewer (帮扶审核) bound to a member of the demo union, made for a test. */
export async function seedReviewer(openid: string, memberId: string, extraRoles: string[] = []): Promise<void> {
  const db = localDb()
  await db.collection('roles').doc(`${memberId}:reviewer::`).set({ unionId: 'demo-union', memberId, role: 'reviewer' })
  for (const role of extraRoles) await db.collection('roles').doc(`${memberId}:${role}::`).set({ unionId: 'demo-union', memberId, role })
  await db.collection('bindings').doc(openid).set({ unionId: 'demo-union', memberId, boundAt: new Date() })
}

/** The messages outbox as a member would be told. */
export async function messagesOf(memberId: string): Promise<{ kind: string; title: string; body: string; link: string }[]> {
  const db = localDb()
  return (await db.collection('messages').where({ memberId }).orderBy('createdAt', 'asc').limit(1000).get()).data as never
}

export async function countDocs(collection: string, where: object = {}): Promise<number> {
  const db = localDb()
  return (await db.collection(collection).where(where).count()).total
}
