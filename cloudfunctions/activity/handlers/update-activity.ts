import { changeNotice } from '@shared/domain/activity-schedule'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError, forbidden, invalid } from '../../_lib/app-error'
import { notify } from '../../_lib/notify'
import { clearNotice, loadActivity, managesActivity, readActivity, saveEdit } from '../activities.repo'
import { loadDetail } from '../activity-detail'
import { checkEventInput } from '../event-input'
import { fillFromWaitlist, tellPromoted } from '../places'
import type { ActivityDoc } from '../records'
import { anyTaken, membersIn } from '../signups.repo'

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Editing keeps every sign-up. What members already answered or were promised cannot change under
 * them: extra fields and the way places are given stay once people signed up, a lottery's time
 * once it is drawn, and the capacity never drops below the places taken (checked by the same
 * conditional write that saves the edit). A larger capacity lets the waitlist in. Everyone signed
 * up, waiting or entered hears what changed.
 */
export const updateActivity: Handler<'activity.update'> = async ({ deps, me, input }) => {
  const { clock, ids } = deps
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以修改活动')
  // An earlier edit saved but was cut before everyone heard of it: its notice goes first.
  if (a.notice) await sendNotice(deps, a, a.notice)
  if (a.status === 'cancelled') throw new AppError('CLOSED', '活动已取消，不能再修改')
  if (a.endAt <= clock.now()) throw new AppError('CLOSED', '活动已结束，不能再修改')
  const { id: _id, ...rest } = input
  const next = await checkEventInput(deps, me, rest, a.cover ?? null)
  const allocation = a.allocation ?? 'fcfs'
  if (a.drawState === 'drawn' || a.drawState === 'drawing') {
    if (next.allocation !== 'lottery' || next.drawAt?.getTime() !== a.drawAt?.getTime())
      throw invalid('已经抽签，不能再修改抽签方式和时间', { field: 'drawAt' })
    if (next.capacity !== a.capacity) throw invalid('已经抽签，不能再修改名额', { field: 'capacity' })
  }
  const taken = a.confirmedCount > 0 || a.waitSeq > 0 || (await anyTaken(deps, a._id))
  if (taken && !sameJson(next.fields, a.fields)) throw invalid('已有人报名，报名项不能再修改', { field: 'fields' })
  if (taken && next.allocation !== allocation) throw invalid('已有人报名，名额分配方式不能再修改', { field: 'allocation' })
  if (a.waitlist && !next.waitlist && a.waitSeq > 0 && next.capacity !== null) throw invalid('已有人排队候补，不能关闭候补', { field: 'waitlist' })

  const tooSmall = (confirmed: number) => invalid(`已有 ${confirmed} 人报名成功，名额不能少于 ${confirmed}`, { field: 'capacity' })
  if (next.capacity !== null && next.allocation === 'fcfs' && next.capacity < a.confirmedCount) throw tooSmall(a.confirmedCount)

  const changes = { ...next, drawState: next.allocation === 'lottery' ? (a.drawState ?? 'pending') : null, updatedAt: clock.now(), updatedBy: me.member._id }
  // What changed is saved with the edit and sent after it, so a retry of a cut edit still sends it.
  const text = changeNotice(a, { ...a, ...changes }, clock.now())
  const notice = text ? { key: ids.next(), text, at: clock.now() } : null
  // A first-come event's places taken must still fit: checked by the same conditional write.
  const saved = await saveEdit(deps, a._id, changes, notice, next.capacity === null || next.allocation === 'lottery' ? null : next.capacity)
  if (!saved && next.capacity !== null) {
    const now = await readActivity(deps, a._id)
    // Places were taken between the read and the write.
    if (now && now.status === 'open' && now.confirmedCount > next.capacity) throw tooSmall(now.confirmedCount)
  }
  const after: ActivityDoc = { ...a, ...changes, notice }

  // A larger capacity lets the waitlist in. Asked on every edit, so a retry of an edit cut before this still does it.
  if (next.allocation === 'fcfs') await tellPromoted(deps, after, await fillFromWaitlist(deps, after))
  if (saved && notice) await sendNotice(deps, after, notice)
  return loadDetail(deps, me, a._id)
}

/** Everyone signed up, waiting or entered hears the change once (keyed by the edit), then the notice is cleared. */
export async function sendNotice(deps: Deps, a: ActivityDoc, notice: NonNullable<ActivityDoc['notice']>): Promise<void> {
  const people = await membersIn(deps, a._id, ['confirmed', 'waiting', 'entered'])
  await notify(
    deps,
    people.map((p) => ({
      key: `activity-changed:${notice.key}:${p.memberId}`,
      unionId: a.unionId,
      memberId: p.memberId,
      kind: 'activity-changed' as const,
      title: `活动有变更：${a.title}`,
      body: notice.text,
      link: `/pages/activity/index?id=${a._id}`,
    })),
  )
  await clearNotice(deps, a._id, notice.key)
}
