import { localDb } from './local-db'

/** A second union with its own admin, to prove one union's records don't exist for another's callers. */
export async function seedOtherUnion(): Promise<{ adminOpenid: string; memberId: string }> {
  const db = localDb()
  await db.collection('unions').doc('other-union').set({ name: '区属示范工会', parentId: null })
  await db.collection('departments').doc('other-dept').set({ unionId: 'other-union', name: '办公室' })
  await db.collection('members').doc('other-member-1').set({
    unionId: 'other-union',
    name: '周强',
    gender: '男',
    departmentId: 'other-dept',
    departmentName: '办公室',
    memberNo: 'QS001',
    phone: '13700000001',
    status: '在职',
  })
  await db.collection('roles').doc('other-member-1:admin::').set({ unionId: 'other-union', memberId: 'other-member-1', role: 'admin' })
  await db.collection('bindings').doc('other-admin').set({ unionId: 'other-union', memberId: 'other-member-1', boundAt: new Date() })
  return { adminOpenid: 'other-admin', memberId: 'other-member-1' }
}
