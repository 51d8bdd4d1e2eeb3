/** Shapes of the group domain's stored documents. Every record carries its union (the tenant). */

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
  /**
   * Bumped by every write to memberCount, so a repair that recounts the roster writes its count
   * only if no seat was taken or given back since it read (a count alone can go +1 −1 unseen).
   */
  readonly seatVersion?: number
  readonly createdAt: Date
  /** The admin who founded it: the same admin sending the same form again is answered this group. */
  readonly createdBy?: string
  /**
   * The founding leaders, kept only until their leader grants and memberships are written: a
   * create cut between its writes is finished by the admin's retry or by the repair timer.
   */
  readonly founding?: { readonly leaderIds: readonly string[] }
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
  /**
   * When the current claim was made. A `joining` claim older than the function's time limit was
   * left by an invocation that died: a retry or the repair job may take it over (swapping `claim`).
   */
  readonly claimedAt?: Date
  /** What a `joining` claim that finds no seat restores (null: the membership did not exist before). */
  readonly undo?: MembershipUndo | null
  /**
   * When the membership left `active` (left or removed). Until the time limit has passed, the call
   * that moved it may still be giving the seat back, so a recount counts it as holding one.
   */
  readonly vacatedAt?: Date
  readonly decidedBy?: string
  readonly decidedAt?: Date
  readonly reason?: string
}

export interface MembershipUndo {
  readonly status: GroupMembershipStatus
  readonly claim: string
  readonly joinedAt: Date | null
  readonly requestedAt: Date
  readonly shareContact: boolean
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
