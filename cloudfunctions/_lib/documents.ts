import type { Role } from '@shared/contract'
import type { MemberStatus } from '@shared/domain/roster'

/** Shapes of stored documents. Every record carries its union (the tenant). */
export interface UnionDoc {
  readonly _id: string
  readonly name: string
  /** A federation level (工会工委) above base unions can be added without a migration. */
  readonly parentId?: string | null
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

/** An interest group (兴趣小组). Union groups (工会小组) are the departments themselves. */
export interface GroupDoc {
  readonly _id: string
  readonly unionId: string
  readonly name: string
  readonly description: string
  readonly joinPolicy: 'open' | 'approval'
  readonly sizeLimit: number | null
  /** Active members; changed only together with a membership's move into or out of `active`. */
  readonly memberCount: number
  readonly createdAt: Date
}

/**
 * `joining` is held only while the one call that claimed the membership takes a seat, so a
 * membership is `active` exactly when it holds a seat, whatever leaves or approvals race it.
 */
export type GroupMembershipStatus = 'joining' | 'active' | 'pending' | 'left' | 'declined' | 'removed'

/** `_id` = `<groupId>:<memberId>`: a member is in a group at most once. */
export interface GroupMemberDoc {
  readonly _id: string
  readonly unionId: string
  readonly groupId: string
  readonly memberId: string
  readonly memberName: string
  readonly departmentName: string
  readonly status: GroupMembershipStatus
  /** The member agreed that the group's leaders may see their phone number. */
  readonly shareContact: boolean
  readonly requestedAt: Date
  readonly joinedAt: Date | null
  /** Marks one claim of a seat, so a refused claim is undone exactly. */
  readonly claim: string
  readonly decidedBy?: string
  readonly reason?: string
}

export interface GroupRecordDoc {
  readonly _id: string
  readonly unionId: string
  readonly groupId: string
  readonly title: string
  /** YYYY-MM-DD, the day of the event. */
  readonly date: string
  readonly text: string
  readonly photoFileIds: readonly string[]
  readonly createdBy: string
  readonly authorName: string
  readonly createdAt: Date
}

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
  readonly createdBy: string
  readonly createdAt: Date
}

/** `_id` = `<activityId>:<memberId>`: a member is signed up at most once. `joining` is held only by the call taking a place. */
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
}

/** A shop or pick-up place where vouchers are redeemed; redeemers hold a `redeemer` grant scoped to it. */
export interface PointDoc {
  readonly _id: string
  readonly unionId: string
  readonly name: string
  readonly address: string
}

export interface CampaignOption {
  readonly id: string
  readonly name: string
  readonly stock: number | null
  readonly supplier: string
  readonly povertyRelief: boolean
}

export interface CampaignDoc {
  readonly _id: string
  readonly unionId: string
  readonly kind: import('@shared/domain/benefits').BenefitKind
  readonly name: string
  /** The Shanghai calendar year the vouchers belong to (one cake voucher per member per year). */
  readonly year: number
  readonly faceValue: number
  readonly options: readonly CampaignOption[]
  readonly includeRetired: boolean
  readonly departmentIds: readonly string[]
  readonly claimClosesAt: Date
  readonly redeemFrom: Date
  readonly redeemUntil: Date
  readonly points: readonly { readonly id: string; readonly name: string }[]
  readonly autoBirthday: boolean
  /** Where the current issuing pass has reached (member _id order); '' between passes. */
  readonly issueCursor: string
  readonly remindedAt: Date | null
  readonly createdBy: string
  readonly createdAt: Date
}

/** Stock left of one gift option (_id = campaign:option); only options with a stock have one. */
export interface OptionStockDoc {
  readonly _id: string
  readonly unionId: string
  readonly campaignId: string
  readonly remaining: number
}

export interface VoucherRedemption {
  readonly at: Date
  readonly pointId: string
  readonly pointName: string
  readonly by: string
  readonly byName: string
  /** The redeemer's request: a retry of the same request is answered with the same success. */
  readonly requestId: string
  /** 代领: someone collected it for the member. */
  readonly proxyReason: string | null
}

/**
 * One member's voucher. The _id is the natural key: campaign:member, or for cake vouchers
 * cake:union:year:member, so the database itself allows one cake voucher per member per year.
 */
export interface VoucherDoc {
  readonly _id: string
  readonly unionId: string
  readonly campaignId: string
  readonly kind: import('@shared/domain/benefits').BenefitKind
  readonly name: string
  readonly year: number
  readonly faceValue: number
  readonly memberId: string
  readonly memberName: string
  readonly departmentId: string
  readonly departmentName: string
  readonly needsChoice: boolean
  readonly optionId: string | null
  /** Kept with the choice, so a redemption reads one document. */
  readonly optionName: string | null
  readonly status: 'issued' | 'redeemed'
  readonly claimClosesAt: Date
  readonly redeemFrom: Date
  readonly redeemUntil: Date
  readonly points: readonly { readonly id: string; readonly name: string }[]
  readonly issuedAt: Date
  readonly redeemedAt: Date | null
  readonly redemption: VoucherRedemption | null
  readonly remindedAt: Date | null
}

/** A six-digit fallback code shown right now (_id = union:digits), pointing at its voucher until it expires. */
export interface LiveCodeDoc {
  readonly _id: string
  readonly voucherId: string
  readonly expiresAt: Date
}
