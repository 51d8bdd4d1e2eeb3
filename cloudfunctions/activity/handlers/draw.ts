import type { Handler } from '../../_lib/entry'
import { AppError, forbidden, notFound } from '../../_lib/app-error'
import { dateTimeText } from '@shared/domain/time'
import type { Deps } from '../../_lib/deps'
import { loadActivity, managesActivity, readActivity } from '../activities.repo'
import { drawSummary, runDraw } from '../lottery'
import { readDraw } from '../lottery.repo'
import type { LotteryDrawDoc } from '../records'

/** The organizer need not wait for the timer once the draw time has come; a second call returns the same draw. */
export const drawLottery: Handler<'activity.draw'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以抽签')
  if (a.allocation !== 'lottery') throw new AppError('CONFLICT', '这个活动按报名先后确定名额，不需要抽签')
  if (a.status === 'cancelled') throw new AppError('CLOSED', '活动已取消')
  if (a.drawState !== 'drawn' && a.drawAt && deps.clock.now() < a.drawAt)
    throw new AppError('CLOSED', `抽签时间是 ${dateTimeText(a.drawAt, deps.clock.now())}，到时再抽`)
  // A drawn lottery whose results were not all told yet (a run was cut) is finished here too.
  const record = a.drawState === 'drawn' && a.drawTold !== false ? await storedDraw(deps, a._id) : await runDraw(deps, a)
  return drawSummary(deps, (await readActivity(deps, a._id)) ?? a, record)
}

/** Published once drawn, to everyone who may see the event. */
export const drawResult: Handler<'activity.drawResult'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (a.allocation !== 'lottery' || a.drawState !== 'drawn') throw notFound('还没有抽签结果')
  return drawSummary(deps, a, await storedDraw(deps, a._id))
}

async function storedDraw(deps: Deps, id: string): Promise<LotteryDrawDoc> {
  const d = await readDraw(deps, id)
  if (!d) throw notFound('还没有抽签结果')
  return d
}
