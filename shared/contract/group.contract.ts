import * as z from 'zod/mini'
import { defineAction } from './define'
import { calendarDate, whole } from './schemas'
import type { Page } from './member.contract'
import type { WholeRule } from './fields'
import type { Hints } from './wording'

const ADMIN = { kind: 'member', roles: ['admin'] } as const
const ANY_MEMBER = { kind: 'member' } as const

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:-]+$/))
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
/** A group's name and a 纪实's title; a group's description and a 纪实's text; a leader's reason for 拒绝 or 移出. */
export const GROUP_TEXT_MAX = { title: 30, description: 500, reason: 100 } as const
const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(GROUP_TEXT_MAX.title))
const description = z.string().check(z.trim(), z.maxLength(GROUP_TEXT_MAX.description))
const reason = z.string().check(z.trim(), z.maxLength(GROUP_TEXT_MAX.reason))
const fileId = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^cloud:\/\//))
const date = calendarDate

export type GroupKind = 'interest' | 'department'
export type JoinPolicy = 'open' | 'approval'
export type MembershipStatus = 'active' | 'pending'

export interface GroupCard {
  readonly id: string
  readonly kind: GroupKind
  readonly name: string
  readonly description: string
  readonly memberCount: number
  readonly sizeLimit: number | null
  readonly joinPolicy: JoinPolicy
  /** The caller's place in it: a member, waiting for the leader, or not in it. */
  readonly myStatus: MembershipStatus | null
  readonly iLead: boolean
}

export interface GroupDetail extends GroupCard {
  readonly leaders: readonly { readonly memberId: string; readonly name: string }[]
  readonly pendingCount: number | null
  /** Why the caller's last request was declined or they were removed, as the leader wrote it. */
  readonly myDecision: { readonly status: 'declined' | 'removed'; readonly reason: string } | null
}

/** Members see names and departments; a phone only reaches a leader or admin, and only if the member agreed. */
export interface RosterEntry {
  readonly memberId: string
  readonly name: string
  readonly department: string
  readonly joinedAt: string
  readonly isLeader: boolean
  readonly phone?: string
}

export interface JoinRequest {
  readonly memberId: string
  readonly name: string
  readonly department: string
  readonly requestedAt: string
}

export interface GroupRecordView {
  readonly id: string
  readonly title: string
  readonly date: string
  readonly text: string
  readonly photoUrls: readonly string[]
  readonly author: string
}

const GROUP_LABELS = { id: '小组', name: '小组名称', memberId: '会员' }

export const MAX_GROUP_SIZE = 5000
/** Empty on the form (null) means no limit. */
const SIZE_LIMIT: WholeRule = {
  min: 2,
  max: MAX_GROUP_SIZE,
  words: { format: '人数上限请填写整数，不限人数就留空', above: `人数上限不能超过 ${MAX_GROUP_SIZE}` },
}
export const MAX_LEADERS = 5
const leaderIds = z.array(id).check(z.minLength(1, { error: '请至少选择一位组长' }), z.maxLength(MAX_LEADERS, { error: `组长最多 ${MAX_LEADERS} 位` }))

const groupFields = {
  name: title,
  description: z._default(description, ''),
  joinPolicy: z.enum(['open', 'approval']),
  sizeLimit: z.nullable(whole(SIZE_LIMIT)),
}

/** 新建小组, as the admin's form checks it too: the founding leaders are its first members, so the limit holds them. */
export const GroupCreateSchema = z
  .strictObject({ ...groupFields, leaderIds })
  .check(z.refine((g) => g.sizeLimit === null || g.sizeLimit >= new Set(g.leaderIds).size, { path: ['sizeLimit'], error: '人数上限不能少于组长人数' }))

export const MAX_RECORD_PHOTOS = 9
/** A 纪实 as the leader's form fills it (the group it is for comes from the page). */
const recordShape = { title, date, text: z._default(description, ''), photoFileIds: z._default(z.array(fileId).check(z.maxLength(MAX_RECORD_PHOTOS)), []) }
export const RecordSchema = z.strictObject(recordShape)
/** The 纪实 form's date is picked, not typed. */
export const RECORD_HINTS: Hints = { date: { missing: '请选择活动日期' } }

export const groupActions = {
  /** The 小组 tab: the caller's groups first (their department's union group included), then all. */
  'group.list': defineAction<{ readonly mine: readonly GroupCard[]; readonly others: readonly GroupCard[] }>()(z.strictObject({}), ANY_MEMBER, GROUP_LABELS),
  'group.get': defineAction<GroupDetail>()(z.strictObject({ id }), ANY_MEMBER, GROUP_LABELS),
  'group.roster': defineAction<Page<RosterEntry>>()(z.strictObject({ id, page, pageSize }), ANY_MEMBER, GROUP_LABELS),
  'group.records': defineAction<Page<GroupRecordView>>()(z.strictObject({ id, page, pageSize }), ANY_MEMBER, GROUP_LABELS),

  /** Join an open group, or ask to join one that needs the leader's approval. */
  'group.join': defineAction<{ readonly status: MembershipStatus }>()(
    z.strictObject({ id, shareContact: z._default(z.boolean(), false) }),
    ANY_MEMBER,
    GROUP_LABELS,
  ),
  'group.leave': defineAction<{ readonly left: boolean }>()(z.strictObject({ id }), ANY_MEMBER, GROUP_LABELS),

  // —— the group's leaders (or an admin) ——
  'group.requests': defineAction<Page<JoinRequest>>()(z.strictObject({ id, page, pageSize }), ANY_MEMBER, GROUP_LABELS),
  'group.decide': defineAction<{ readonly status: 'active' | 'declined' }>()(
    z.strictObject({ id, memberId: id, approve: z.boolean(), reason: z.optional(reason) }),
    ANY_MEMBER,
    GROUP_LABELS,
  ),
  'group.remove': defineAction<{ readonly removed: boolean }>()(z.strictObject({ id, memberId: id, reason: z.optional(reason) }), ANY_MEMBER, GROUP_LABELS),
  'group.handOver': defineAction<GroupDetail>()(z.strictObject({ id, toMemberId: id }), ANY_MEMBER, GROUP_LABELS),
  'group.addRecord': defineAction<GroupRecordView>()(z.strictObject({ id, ...recordShape }), ANY_MEMBER, GROUP_LABELS),
  'group.exportRoster': defineAction<{ readonly fileId: string; readonly url: string; readonly count: number }>()(
    z.strictObject({ id }),
    ANY_MEMBER,
    GROUP_LABELS,
  ),

  // —— admin ——
  'group.create': defineAction<GroupDetail>()(GroupCreateSchema, ADMIN, GROUP_LABELS),
  'group.update': defineAction<GroupDetail>()(
    z.strictObject({
      id,
      name: z.optional(title),
      description: z.optional(description),
      joinPolicy: z.optional(groupFields.joinPolicy),
      sizeLimit: z.optional(groupFields.sizeLimit),
      /** Replaces the leaders; each must already be an active member of the group. */
      leaderIds: z.optional(leaderIds),
    }),
    ADMIN,
    GROUP_LABELS,
  ),
}
