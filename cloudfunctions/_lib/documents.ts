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

// —— hardship and care (帮扶 / 慰问) ——

type AidCategory = import('@shared/domain/hardship').AidCategory
type RequestStatus = import('@shared/domain/hardship').RequestStatus

/** A union's standards for one year. `_id` = `<unionId>:<year>`; `version` guards concurrent edits. */
export interface HardshipPolicyDoc {
  readonly _id: string
  readonly unionId: string
  readonly year: number
  readonly categories: readonly AidCategory[]
  readonly version: number
  readonly updatedAt: Date
  readonly updatedBy: string
  readonly updatedByName: string
}

/** Every change to the standards, never edited: who, when, before and after. */
export interface HardshipPolicyChangeDoc {
  readonly _id: string
  readonly unionId: string
  readonly year: number
  readonly version: number
  readonly before: readonly AidCategory[]
  readonly after: readonly AidCategory[]
  readonly changes: readonly string[]
  readonly by: string
  readonly byName: string
  readonly at: Date
}

/** One step of a request, appended (`_.push`) in the same conditional write that moves its status. */
export interface HardshipStepDoc {
  readonly kind: import('@shared/domain/hardship').StepKind
  readonly status: RequestStatus
  readonly at: Date
  readonly actorId: string
  readonly actorName: string
  readonly actorRole: 'member' | 'reporter' | 'reviewer'
  readonly note: string
  readonly amountFen: number | null
  readonly method: import('@shared/domain/hardship').PaymentMethod | null
  readonly paidOn: string | null
}

export interface HardshipPaymentDoc {
  readonly amountFen: number
  readonly method: import('@shared/domain/hardship').PaymentMethod
  /** YYYY-MM-DD, the day it was paid (Shanghai). */
  readonly paidOn: string
  readonly note: string
  readonly by: string
  readonly byName: string
  readonly at: Date
  /** The client's key for this payment: the same call again answers the same payment. */
  readonly key: string
}

/**
 * A hardship or care request. `_id` is derived from the union, the filer and the form's key, so a
 * retried submission finds the first. Status and steps change only together, guarded by `version`.
 */
export interface HardshipRequestDoc {
  readonly _id: string
  readonly unionId: string
  /** The member it is for. */
  readonly memberId: string
  readonly memberName: string
  readonly departmentName: string
  /** Who filed it: the member themself, or a colleague (第一报告人). */
  readonly reporterId: string
  readonly reporterName: string
  readonly category: string
  readonly categoryName: string
  readonly kind: import('@shared/domain/hardship').AidKind
  /** The Shanghai year it was asked in: its standards and frequency count belong to that year. */
  readonly year: number
  readonly description: string
  readonly amountAskedFen: number | null
  readonly photoFileIds: readonly string[]
  readonly contact: string
  readonly status: RequestStatus
  readonly version: number
  readonly steps: readonly HardshipStepDoc[]
  readonly reviewerId: string | null
  readonly reviewerName: string | null
  readonly approvedFen: number | null
  readonly caseLabel: string | null
  readonly payment: HardshipPaymentDoc | null
  readonly submittedAt: Date
  readonly updatedAt: Date
}

/**
 * One use of a category's frequency allowance, claimed before an approval: `_id` derives from
 * (union, member, category, period, case, slot number), so two approvals cannot hold one slot.
 */
export interface HardshipGrantDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly category: string
  readonly period: string
  readonly caseKey: string
  readonly slot: number
  readonly requestId: string
  readonly at: Date
}

/** 困难职工档案: one per member (`_id` = memberId), kept by reviewers. */
export interface HardshipFileDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly memberName: string
  readonly departmentName: string
  readonly level: import('@shared/domain/hardship').FileLevel
  readonly reason: string
  readonly since: string
  readonly nextReviewOn: string
  readonly active: boolean
  /** Set by the review timer once per review date; cleared when the date moves on. */
  readonly reviewReminded: boolean
  readonly lastVisitOn: string | null
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly updatedBy: string
  readonly updatedByName: string
}

/** 送温暖: one visit. `_id` derives from the union, member and the form's key (a retry adds nothing). */
export interface HardshipVisitDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly date: string
  readonly visitors: string
  readonly given: string
  readonly amountFen: number | null
  readonly note: string
  readonly recordedBy: string
  readonly recordedByName: string
  readonly createdAt: Date
}

// —— benefits: the records live with their domain (cloudfunctions/benefit/records.ts, read and written by its *.repo.ts) ——
export type { CampaignDoc, CampaignOption, OptionStockDoc, PointDoc, VoucherDoc, VoucherRedemption } from '../benefit/records'
export type { LiveCodeDoc } from './live-codes'

/** The same for a member card (_id = card:union:digits, in the same collection and sweep). */
export interface CardLiveCodeDoc {
  readonly _id: string
  readonly memberId: string
  readonly expiresAt: Date
}
