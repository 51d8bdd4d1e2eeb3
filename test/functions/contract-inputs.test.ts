import { appServerForFile } from '../support/app-server'
import { activityForm, eventHours } from '../support/activity-form'
import { localDb as db } from '../support/local-db'
import { THIS_YEAR as YEAR } from '../support/time'
import { writeCount } from '../support/write-count'

jest.setTimeout(120_000)

const app = appServerForFile()

/**
 * The request body as written text: JSON.stringify of an object literal never emits "__proto__"
 * as a key, but a hand-made request can, and JSON.parse on the platform keeps it as an own key.
 */
const raw = async (fn: string, body: string, openid: string) => {
  const res = await fetch(`${app.url}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-local-openid': openid }, body })
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } }
}

/** Runs `call` and says whether the database saw any write meanwhile. */
const writesDuring = async <T>(call: () => Promise<T>): Promise<{ result: T; wrote: number }> => {
  const before = writeCount(app.stats)
  const result = await call()
  return { result, wrote: writeCount(app.stats) - before }
}

describe('a "__proto__" key in a map is refused, not dropped', () => {
  it('funds.setBudget lines: INVALID_ARGUMENT in Chinese, nothing written; the same lines without it go through', async () => {
    const { result, wrote } = await writesDuring(() =>
      raw('funds', `{"action":"setBudget","data":{"year":${YEAR},"lines":{"__proto__":{"training":1},"training":4200000}}}`, 'demo-admin'),
    )
    expect(result.error).toEqual({ code: 'INVALID_ARGUMENT', message: '预算包含无法识别的内容：__proto__', details: expect.anything() })
    expect(wrote).toBe(0)
    const budget = (await db().collection('budgets').doc(`demo-union:${YEAR}`).get()).data[0] as { lines: Record<string, number> } | undefined
    expect(budget?.lines.training).not.toBe(4200000)

    const fine = await raw('funds', `{"action":"setBudget","data":{"year":${YEAR},"lines":{"training":4200000}}}`, 'demo-admin')
    expect(fine.ok).toBe(true)
  })

  it('activity.signUp answers: refused, no sign-up written; the same answers without it sign up', async () => {
    const form = activityForm({
      scope: { kind: 'department', id: 'demo-dept-2' },
      title: '财务科登山',
      place: '北山',
      capacity: 20,
      ...eventHours({ start: 48, end: 50, closes: 24, cancelBy: 24 }),
      fields: [{ key: 'size', label: '衣服尺码', type: 'text', required: false }],
    })
    const created = await app.call('activity.create', form, 'demo-leader')
    const id = created.body.data.id as string
    for (const key of ['__proto__', 'constructor']) {
      const { result, wrote } = await writesDuring(() =>
        raw('activity', `{"action":"signUp","data":{"id":"${id}","answers":{"${key}":"L","size":"M"}}}`, 'demo-leader'),
      )
      expect(result.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: `报名信息包含无法识别的内容：${key}` })
      expect(wrote).toBe(0)
    }
    expect((await db().collection('signups').where({ activityId: id }).count()).total).toBe(0)
    expect((await raw('activity', `{"action":"signUp","data":{"id":"${id}","answers":{"size":"M"}}}`, 'demo-leader')).ok).toBe(true)
  })
})

describe('dates are real calendar days', () => {
  const memberDoc = async () => (await db().collection('members').doc('demo-member-21').get()).data[0] as { joinDate?: string; birthday?: string }

  it('member.update refuses joinDate 2026-02-30 and birthday 02-30, nothing written; 02-29 is a birthday', async () => {
    const before = await memberDoc()
    const join = await writesDuring(() => app.call('member.update', { id: 'demo-member-21', joinDate: '2026-02-30' }, 'demo-admin'))
    expect(join.result.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '入会日期不是有效的日期，请写成 2026-03-01 这样' })
    const birthday = await writesDuring(() => app.call('member.update', { id: 'demo-member-21', birthday: '02-30' }, 'demo-admin'))
    expect(birthday.result.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '生日不是有效的月日，请写成 05-12 这样' })
    expect(join.wrote + birthday.wrote).toBe(0)
    expect(await memberDoc()).toMatchObject({ joinDate: before.joinDate, birthday: before.birthday })

    expect((await app.call('member.update', { id: 'demo-member-21', joinDate: '2024-02-29', birthday: '02-29' }, 'demo-admin')).body.ok).toBe(true)
    expect(await memberDoc()).toMatchObject({ joinDate: '2024-02-29', birthday: '02-29' })
  })

  it('group.addRecord refuses 9999-99-99, nothing written', async () => {
    const count = async () => (await db().collection('group_records').where({ groupId: 'demo-group-badminton' }).count()).total
    const before = await count()
    const { result, wrote } = await writesDuring(() =>
      app.call('group.addRecord', { id: 'demo-group-badminton', title: '周三训练', date: '9999-99-99' }, 'demo-leader'),
    )
    expect(result.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '日期不是有效的日期，请写成 2026-03-01 这样' })
    expect(wrote).toBe(0)
    expect(await count()).toBe(before)
    expect((await app.call('group.addRecord', { id: 'demo-group-badminton', title: '周三训练', date: `${YEAR}-03-01` }, 'demo-leader')).body.ok).toBe(true)
    expect(await count()).toBe(before + 1)
  })
})
