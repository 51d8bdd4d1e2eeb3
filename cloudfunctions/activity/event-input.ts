import { scheduleProblem } from '@shared/domain/activity-schedule'
import type { ActionParsed } from '@shared/contract'
import { invalid } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { uploadFolderOf } from '../_lib/uploads'
import type { ActivityDoc } from './records'
import { countTeamsInUnion } from './teams.repo'

type EventInput = Omit<ActionParsed<'activity.create'>, 'scope' | 'key'>
export type EventFields = Pick<
  ActivityDoc,
  | 'title'
  | 'type'
  | 'description'
  | 'place'
  | 'startAt'
  | 'endAt'
  | 'signUpOpensAt'
  | 'signUpClosesAt'
  | 'cancelDeadline'
  | 'capacity'
  | 'waitlist'
  | 'allocation'
  | 'drawAt'
  | 'audience'
  | 'fields'
  | 'cover'
  | 'contest'
>

/**
 * What posting and editing both check before writing anything: the times fit together, choice
 * fields have options, the cover is the caller's own upload (or the one already there), and
 * contest teams are this union's. Returns the fields as stored.
 */
export async function checkEventInput(deps: Deps, me: CallerMember, input: EventInput, keptCover: string | null = null): Promise<EventFields> {
  const time = (t: string) => new Date(t)
  const lottery = input.allocation === 'lottery'
  const out: EventFields = {
    title: input.title,
    type: input.type,
    description: input.description,
    place: input.place,
    startAt: time(input.startAt),
    endAt: time(input.endAt),
    signUpOpensAt: time(input.signUpOpensAt),
    signUpClosesAt: time(input.signUpClosesAt),
    cancelDeadline: time(input.cancelDeadline),
    capacity: input.capacity,
    // A lottery's losers always wait in draw order; without a capacity there is nothing to wait for.
    waitlist: input.capacity === null ? false : lottery || input.waitlist,
    allocation: input.allocation,
    drawAt: lottery && input.drawAt ? time(input.drawAt) : null,
    audience: input.audience,
    fields: input.fields,
    cover: input.cover,
    contest: input.contest,
  }
  const problem = scheduleProblem({ ...out, drawAt: lottery ? (input.drawAt ? time(input.drawAt) : null) : null, allocation: input.allocation })
  if (problem) throw invalid(problem.message, { field: problem.field })
  // Choice questions' options are the schema's to check (the organizer's form uses it too).
  if (new Set(input.fields.map((f) => f.key)).size !== input.fields.length) throw invalid('报名项不能重复', { field: 'fields' })
  if (input.cover && input.cover !== keptCover && !input.cover.includes(`/${uploadFolderOf(me.openid)}/`))
    throw invalid('封面图片需要由您本人上传', { field: 'cover' })
  if (input.contest) {
    const ids = [...new Set(input.contest.teamIds)]
    if (ids.length !== input.contest.teamIds.length) throw invalid('结对竞赛的队伍不能重复', { field: 'contest' })
    if ((await countTeamsInUnion(deps, input.contest.kind, me.unionId, ids)) !== ids.length) throw invalid('结对竞赛的队伍不存在', { field: 'contest' })
  }
  return out
}
