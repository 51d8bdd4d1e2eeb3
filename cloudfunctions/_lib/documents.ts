import type { Role } from '@shared/contract'
import type { MemberStatus } from '@shared/domain/roster'

/** Shapes of stored documents. Every record carries its union (the tenant). */
export interface UnionDoc {
  readonly _id: string
  readonly name: string
  /** A federation level (工会工委) above base unions can be added without a migration. */
  readonly parentId?: string | null
  /** 联系工会: the office's phone and place, set by an admin (member.setUnionContact); absent until then. */
  readonly contact?: { readonly phone: string; readonly place: string } | null
}

export interface DepartmentDoc {
  readonly _id: string
  readonly unionId: string
  readonly name: string
}

export interface MemberDoc {
  readonly _id: string
  readonly unionId: string
  readonly name: string
  readonly gender: '男' | '女'
  readonly departmentId: string
  readonly departmentName: string
  readonly memberNo: string
  readonly phone: string
  /** "MM-DD": the union needs the day, not the year. */
  readonly birthday?: string
  readonly joinDate?: string
  readonly status: MemberStatus
}

/** `_id` is the WeChat openid: one WeChat user ↔ one member. */
export interface BindingDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly boundAt: Date
}

export interface RoleDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly role: Role
  /** For a leader: the department or interest group; for a redeemer: the redemption point. */
  readonly scope?: { readonly kind: 'department' | 'group' | 'point'; readonly id: string }
}

/** `_id` is the code itself (normalised); single use is one conditional write on `usedAt: null`. */
export interface InviteDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly memberName: string
  readonly departmentName: string
  readonly memberNo: string
  readonly batchId: string
  readonly createdAt: Date
  readonly createdBy: string
  readonly expiresAt: Date
  readonly usedAt: Date | null
  readonly usedBy: string | null
}

// —— groups: the records live with their domain (cloudfunctions/group/records.ts, read and written by its *.repo.ts) ——
export type { GroupDoc, GroupMemberDoc, GroupMembershipStatus, GroupRecordDoc, MembershipUndo } from '../group/records'

export interface ActivityDoc {
  readonly _id: string
  readonly unionId: string
  /** Whose event it is: the union (admins), a department or an interest group (its leaders). */
  readonly scope: { readonly kind: 'union' } | { readonly kind: 'department' | 'group'; readonly id: string }
  readonly organizer: string
  readonly title: string
  readonly type: import('@shared/domain/activity').ActivityType
  readonly description: string
  readonly place: string
  readonly startAt: Date
  readonly endAt: Date
  readonly signUpOpensAt: Date
  readonly signUpClosesAt: Date
  readonly cancelDeadline: Date
  readonly capacity: number | null
  readonly waitlist: boolean
  readonly audience: import('@shared/domain/activity').Audience
  readonly fields: readonly import('@shared/domain/activity').SignUpField[]
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
  readonly allocation?: import('@shared/domain/activity-schedule').Allocation
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
  readonly entrants: readonly import('@shared/domain/lottery').Entrant[]
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
  readonly answers: import('@shared/domain/activity').Answers
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
  /** false from a promotion off the waitlist until the member has been told. */
  readonly promotionTold?: boolean
}

// —— hardship and care (帮扶 / 慰问): the records live with their domain (cloudfunctions/hardship/records.ts) ——
export type {
  HardshipFileDoc,
  HardshipGrantDoc,
  HardshipPaymentDoc,
  HardshipPolicyChangeDoc,
  HardshipPolicyDoc,
  HardshipRequestDoc,
  HardshipStepDoc,
  HardshipVisitDoc,
} from '../hardship/records'

// —— benefits: the records live with their domain (cloudfunctions/benefit/records.ts, read and written by its *.repo.ts) ——
export type { CampaignDoc, CampaignOption, OptionStockDoc, PointDoc, VoucherDoc, VoucherRedemption } from '../benefit/records'
export type { LiveCodeDoc } from './live-codes'

/** The same for a member card (_id = card:union:digits, in the same collection and sweep). */
export interface CardLiveCodeDoc {
  readonly _id: string
  readonly memberId: string
  readonly expiresAt: Date
}
