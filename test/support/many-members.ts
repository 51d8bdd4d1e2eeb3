import * as cloudbase from '@cloudbase/node-sdk'

/** Adds `count` bound members to the demo union (openids `bulk-<i>`), in one batch insert per collection. */
export async function seedManyMembers(count: number, prefix = 'bulk'): Promise<string[]> {
  const db = cloudbase.init({ env: 'local' }).database()
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  for (let start = 0; start < count; start += 500) {
    const slice = ids.slice(start, start + 500)
    await db.collection('members').add(
      slice.map((id, j) => ({
        _id: id,
        unionId: 'demo-union',
        name: `会员${start + j}`,
        gender: '女',
        departmentId: 'demo-dept-3',
        departmentName: '人事科',
        memberNo: `${prefix.toUpperCase()}${start + j}`,
        phone: `1350000${String(start + j).padStart(4, '0')}`,
        status: '在职',
      })),
    )
    await db.collection('bindings').add(slice.map((id) => ({ _id: id, unionId: 'demo-union', memberId: id, boundAt: new Date() })))
  }
  return ids
}
