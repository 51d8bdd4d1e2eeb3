import type { ActivityType, Answers, Audience, SignUpField } from '@shared/domain/activity'
import type { Allocation } from '@shared/domain/activity-schedule'
import type { Entrant } from '@shared/domain/lottery'

/**
 * The activity domain's stored records. They live here, with the domain; the repositories beside
 * this file are the only code that reads or writes them (_lib/documents.ts re-exports the types for
 * the few other functions that show an event).
 */

export interface ActivityDoc {
  readonly _id: string
  readonly unionId: string
  /** Whose event it is: the union (admins), a department or an interest group (its leaders). */
  readonly scope: { readonly kind: 'union' } | { readonly kind: 'department' | 'group'; readonly id: string }
  readonly organizer: string
  readonly title: string
  readonly type: ActivityType
  readonly description: string
  readonly place: string
  readonly startAt: Date
  readonly endAt: Date
  readonly signUpOpensAt: Date
  readonly signUpClosesAt: Date
  readonly cancelDeadline: Date
  readonly capacity: number | null
  readonly waitlist: boolean
  readonly audience: Audience
  readonly fields: readonly SignUpField[]
  /** Confirmed places taken; moves only together with a sign-up entering or leaving `confirmed`. */
  readonly confirmedCount: number
  /**
   * When confirmedCount last moved. A place taken less than the time limit ago may still be on its
   * way to a sign-up, so the repair job lowers a count only once this is older than that.
   */
  readonly placesAt?: Date
  /** Last waitlist ticket handed out: arrival order on the waitlist. */
  readonly waitSeq: number
  readonly status: 'open' | 'cancelled'
  /** Events posted before lotteries existed have none of these: first come, first served. */
  readonly allocation?: Allocation
  readonly drawAt?: Date | null
  /** pending → drawing (results being written) → drawn; null for first-come events. */
  readonly drawState?: 'pending' | 'drawing' | 'drawn' | null
  readonly drawnAt?: Date | null
  readonly cover?: string | null
  readonly contest?: { readonly kind: 'department' | 'group'; readonly teamIds: readonly string[] } | null
  /** Set once by the reminder timer, so members are reminded once. */
  readonly remindedAt?: Date | null
  readonly cancelReason?: string
  readonly cancelledAt?: Date
  /** false from the call-off until everyone has been told (a cut call-off is finished by a retry or the repair job). */
  readonly cancelTold?: boolean
  /** false from the draw until everyone has heard the result (as above). */
  readonly drawTold?: boolean
  /** A change notice an edit saved and has not finished sending; the key makes each message once. */
  readonly notice?: { readonly key: string; readonly text: string; readonly at: Date } | null
  readonly createdBy: string
  readonly createdAt: Date
}

/** One per lottery (_id = activity id): the stored seed and entrants make the draw re-runnable by anyone. */
export interface LotteryDrawDoc {
  readonly _id: string
  readonly unionId: string
  readonly seed: string
  readonly places: number
  readonly entrants: readonly Entrant[]
  readonly winners: readonly string[]
  readonly waitlist: readonly string[]
  readonly createdAt: Date
}

/** A member's lost lotteries in one Shanghai calendar year (_id = union:year:member); a later promotion takes the loss back. */
export interface LotteryLossDoc {
  readonly _id: string
  readonly unionId: string
  readonly year: number
  readonly memberId: string
  readonly lost: readonly string[]
}

/**
 * `_id` = `<activityId>:<memberId>`: a member is signed up at most once. `joining` is held only by
 * the call taking a place; one older than the time limit (signedAt) was left by a dead call, and a
 * retry by the member or the repair job takes it over (swapping `claim`) and finishes it.
 */
export interface SignupDoc {
  readonly _id: string
  readonly unionId: string
  readonly activityId: string
  readonly memberId: string
  readonly memberName: string
  readonly departmentName: string
  /** `entered`: in a lottery not yet drawn. */
  readonly status: 'joining' | 'confirmed' | 'waiting' | 'entered' | 'cancelled'
  readonly seq: number | null
  /** In a 结对竞赛, the department or group the member counts for. */
  readonly team?: string | null
  readonly answers: Answers
  readonly signedAt: Date
  readonly claim: string
  readonly checkedInAt: Date | null
  /** The member accepted a one-time subscription message for a reminder before the start. */
  readonly remind?: boolean
  /**
   * When the status (or a hand-on mark below) last changed. The repair job recounts an event's
   * places only when none changed within the time limit, so no call is half-way through.
   */
  readonly changedAt?: Date
  readonly cancelledAt?: Date
  /**
   * A cancelled confirmed sign-up whose place is still counted, until it is handed to the waitlist's
   * head or given back: the lock token of the call doing that (a retry or the repair takes it over).
   */
  readonly placeOwed?: string | null
  /** `<cancelled sign-up id>:<its claim>` of the place this one was handed, so a resumed hand-on finds it was done. */
  readonly promotedBy?: string | null
  readonly promotedAt?: Date
  /**
   * false from a promotion into a free place until the member has been told. A hand-on's promotion
   * carries null: it is told under the cancelled sign-up's `placeOwed` lock, which goes only after.
   */
  readonly promotionTold?: boolean | null
}
