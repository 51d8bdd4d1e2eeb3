import type { AidCategory, AidKind, FileLevel, PaymentMethod, RequestStatus, StepKind } from '@shared/domain/hardship'

/**
 * The hardship and care (帮扶 / 慰问) records as stored. Only the repositories beside this file
 * (requests, policy, grants, files) name their collections; _lib/documents.ts re-exports the types
 * for the few other functions that show a request (首页).
 */

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
  readonly kind: StepKind
  readonly status: RequestStatus
  readonly at: Date
  readonly actorId: string
  readonly actorName: string
  readonly actorRole: 'member' | 'reporter' | 'reviewer'
  readonly note: string
  readonly amountFen: number | null
  readonly method: PaymentMethod | null
  readonly paidOn: string | null
}

export interface HardshipPaymentDoc {
  readonly amountFen: number
  readonly method: PaymentMethod
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
  readonly kind: AidKind
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
  readonly level: FileLevel
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
