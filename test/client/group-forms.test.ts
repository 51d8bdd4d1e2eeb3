/** The forms' own checks, said before sending: a 纪实 (and its photos), an interest group to found or edit. */
import type { GroupDetail } from '@shared/contract'
import { checkRecord, MAX_PHOTOS, RECORD_PHOTOS } from '../../client/src/packages/leader/record/photos'
import { toPhotos } from '../../client/src/components/photos/photo-model'
import { createInput, emptyGroupForm, groupFormOf, updateChanges } from '../../client/src/packages/admin/groups/form'

describe('纪实', () => {
  it('needs a title and a date; text is optional but limited', () => {
    expect(checkRecord({ title: ' ', date: '2026-11-18', text: '' })).toEqual({ title: '请填写标题' })
    expect(checkRecord({ title: '训练', date: '', text: 'x'.repeat(501) })).toEqual({ date: '请选择活动日期', text: '内容不能超过 500 个字' })
    expect(checkRecord({ title: '周三训练', date: '2026-11-18', text: '' })).toEqual({})
  })

  it('uploads the File on h5 and the temporary path in WeChat, nine at most, none over 20 MB', () => {
    const file = Object.assign(new Blob(['x']), { name: 'IMG_1.jpg' })
    const h5 = toPhotos([{ path: 'blob:http://x/1', size: 1, originalFileObj: file }], 0, RECORD_PHOTOS)
    expect(h5.photos[0]).toMatchObject({ name: 'IMG_1.jpg', preview: 'blob:http://x/1' })
    expect(h5.photos[0].blob).toBe(file)
    expect(h5.photos[0].path).toBeUndefined()

    const weapp = toPhotos([{ path: 'http://tmp/abc.jpg', size: 2048 }], 0, RECORD_PHOTOS)
    expect(weapp.photos[0]).toMatchObject({ name: 'abc.jpg', path: 'http://tmp/abc.jpg', preview: 'http://tmp/abc.jpg' })

    const many = toPhotos(
      Array.from({ length: 5 }, (_, i) => ({ path: `http://tmp/${i}.jpg`, size: 10 })),
      MAX_PHOTOS - 2,
      RECORD_PHOTOS,
    )
    expect(many.photos.map((p) => p.name)).toEqual(['0.jpg', '1.jpg'])
    expect(many.refused).toBe('最多 9 张照片')

    const big = toPhotos(
      [
        { path: 'http://tmp/big.jpg', size: 21 * 1024 * 1024 },
        { path: 'http://tmp/ok.jpg', size: 10 },
      ],
      0,
      RECORD_PHOTOS,
    )
    expect(big.refused).toBe('有 1 张照片超过 20 MB，没有加入')
    expect(big.photos.map((p) => p.name)).toEqual(['ok.jpg'])
  })
})

describe('founding an interest group', () => {
  const leader = { id: 'm2', name: '李娜', department: '财务科' }

  it('needs a name and at least one leader; an empty limit means no limit', () => {
    expect(createInput(emptyGroupForm())).toEqual({ errors: { name: '请填写小组名称', leaders: '请至少选择一位组长' } })
    expect(createInput({ ...emptyGroupForm(), name: ' 围棋 ', description: ' 周五午间 ', leaders: [leader] })).toEqual({
      input: { name: '围棋', description: '周五午间', joinPolicy: 'approval', sizeLimit: null, leaderIds: ['m2'] },
    })
  })

  it('checks the limit the way the server does', () => {
    const form = { ...emptyGroupForm(), name: '围棋', leaders: [leader, { ...leader, id: 'm3' }] }
    expect(createInput({ ...form, sizeLimit: '1' })).toEqual({ errors: { sizeLimit: '人数上限不能小于 2' } })
    expect(createInput({ ...form, sizeLimit: '2.5' })).toEqual({ errors: { sizeLimit: '人数上限请填写整数，不限人数就留空' } })
    expect(createInput({ ...form, sizeLimit: '9999' })).toEqual({ errors: { sizeLimit: '人数上限不能超过 5000' } })
    expect(createInput({ ...form, leaders: [leader, { ...leader, id: 'm3' }, { ...leader, id: 'm5' }], sizeLimit: '2' })).toEqual({
      errors: { sizeLimit: '人数上限不能少于组长人数' },
    })
    expect(createInput({ ...form, sizeLimit: '30', joinPolicy: 'open' })).toMatchObject({ input: { sizeLimit: 30, joinPolicy: 'open' } })
  })
})

describe('editing an interest group', () => {
  const group: GroupDetail = {
    id: 'g1',
    kind: 'interest',
    name: '羽毛球',
    description: '每周三',
    myDecision: null,
    memberCount: 12,
    sizeLimit: 20,
    joinPolicy: 'open',
    myStatus: null,
    iLead: true,
    leaders: [{ memberId: 'm2', name: '李娜' }],
    pendingCount: 0,
  }

  it('sends only what changed, and may lift the limit', () => {
    const form = groupFormOf(group)
    expect(updateChanges(group, form)).toEqual({ changes: {} })
    expect(updateChanges(group, { ...form, description: '每周三晚', sizeLimit: '' })).toEqual({ changes: { description: '每周三晚', sizeLimit: null } })
    expect(updateChanges(group, { ...form, joinPolicy: 'approval', sizeLimit: '30' })).toEqual({ changes: { joinPolicy: 'approval', sizeLimit: 30 } })
  })

  it('will not set a limit below today’s members', () => {
    expect(updateChanges(group, { ...groupFormOf(group), sizeLimit: '10' })).toEqual({ errors: { sizeLimit: '人数上限不能少于现有的 12 人' } })
  })
})

describe('today, in union time', () => {
  it('is the Shanghai date whatever zone the phone is in (the functions check dates by it)', async () => {
    const { todayText } = await import('../../client/src/constants/groups')
    // 16:30 UTC is already 00:30 the next day in Shanghai.
    expect(todayText(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22')
    expect(todayText(new Date('2026-11-21T15:59:00Z'))).toBe('2026-11-21')
    expect(todayText(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
  })
})
