import * as cloudbase from '@cloudbase/node-sdk'

/** A group of 500 active members for the "open a big group page" rows, written in batches. */
export async function seedBigGroup(size = 500): Promise<string> {
  const db = cloudbase.init({ env: 'local' }).database()
  const groupId = 'bench-group-500'
  const joinedAt = new Date('2026-01-01T00:00:00+08:00')
  await db
    .collection('groups')
    .doc(groupId)
    .set({ unionId: 'demo-union', name: '健步走（500人）', description: '', joinPolicy: 'open', sizeLimit: null, memberCount: size, createdAt: joinedAt })
  for (let start = 0; start < size; start += 500) {
    const ids = Array.from({ length: Math.min(500, size - start) }, (_, i) => `bench-m-${start + i}`)
    await db.collection('members').add(
      ids.map((id, i) => ({
        _id: id,
        unionId: 'demo-union',
        name: `会员${start + i}`,
        gender: '男',
        departmentId: 'demo-dept-5',
        departmentName: '后勤服务中心',
        memberNo: `BM${start + i}`,
        phone: '13500000000',
        status: '在职',
      })),
    )
    await db.collection('group_members').add(
      ids.map((id, i) => ({
        _id: `${groupId}:${id}`,
        unionId: 'demo-union',
        groupId,
        memberId: id,
        memberName: `会员${start + i}`,
        departmentName: '后勤服务中心',
        status: 'active',
        shareContact: i % 3 === 0,
        requestedAt: joinedAt,
        joinedAt: new Date(joinedAt.getTime() + (start + i) * 60000),
        claim: 'bench',
      })),
    )
  }
  await db
    .collection('roles')
    .doc(`demo-member-02:leader:group:${groupId}`)
    .set({ unionId: 'demo-union', memberId: 'demo-member-02', role: 'leader', scope: { kind: 'group', id: groupId } })
  return groupId
}

/** `count` bound members (openid = member id = `<prefix>-<i>`), for storms of simultaneous callers. */
export async function seedBoundMembers(prefix: string, count: number): Promise<string[]> {
  const db = cloudbase.init({ env: 'local' }).database()
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  for (let start = 0; start < count; start += 500) {
    const slice = ids.slice(start, start + 500)
    await db.collection('members').add(
      slice.map((id) => ({
        _id: id,
        unionId: 'demo-union',
        name: id,
        gender: '女',
        departmentId: 'demo-dept-3',
        departmentName: '人事科',
        memberNo: id.toUpperCase(),
        phone: '13500000000',
        status: '在职',
      })),
    )
    await db.collection('bindings').add(slice.map((id) => ({ _id: id, unionId: 'demo-union', memberId: id, boundAt: new Date() })))
  }
  return ids
}
