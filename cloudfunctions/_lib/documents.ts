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

// —— activities: the records live with their domain (cloudfunctions/activity/records.ts) ——
export type { ActivityDoc, LotteryDrawDoc, LotteryLossDoc, SignupDoc } from '../activity/records'

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
