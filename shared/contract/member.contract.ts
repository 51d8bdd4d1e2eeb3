import * as z from 'zod/mini'
import { defineAction } from './define'
import { calendarDate, monthDay } from './schemas'
import { ROLES, type Role } from '../domain/roles'
import { MEMBER_STATUSES, type MemberStatus, type RosterProblem } from '../domain/roster'

export { ROLES, type Role } from '../domain/roles'

const ADMIN = { kind: 'member', roles: ['admin'] } as const

// —— field schemas, shared by every action that takes them ——
const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:-]+$/))
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(20))
const memberNo = z.string().check(z.trim(), z.minLength(1), z.maxLength(32), z.regex(/^[A-Za-z0-9-]+$/))
const phone = z.string().check(z.trim(), z.regex(/^1\d{10}$/))
const date = calendarDate
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
const inviteCode = z.string().check(z.trim(), z.minLength(4), z.maxLength(16))
const fileId = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^cloud:\/\//))

export const RoleGrantSchema = z.strictObject({
  role: z.enum(ROLES),
  scope: z.optional(z.strictObject({ kind: z.enum(['department', 'group', 'point']), id })),
})

// —— views: what the client receives ——
export interface MeView {
  readonly member: { readonly id: string; readonly name: string; readonly department: string; readonly memberNo: string }
  readonly union: { readonly id: string; readonly name: string }
  readonly roles: readonly Role[]
  /** Scoped grants, so 我的 can show "财务科 组长" and offer the right entry points. */
  readonly grants: readonly { readonly role: Role; readonly scope?: { readonly kind: string; readonly id: string; readonly name: string } }[]
  /**
   * Counts for tab badges: requests waiting in the groups the caller leads, and the caller's unread
   * messages (消息), carried here so 首页 and 我的 show the badge without a call of their own.
   */
  readonly badges: { readonly groupRequests: number; readonly unreadMessages: number }
  /** Where this user's uploads go (`uploads/<openid>`); functions accept only files from here. */
  readonly uploadFolder: string
}

/** One row of the admin's roster list; phone numbers appear only in admin views. */
export interface MemberRow {
  readonly id: string
  readonly name: string
  readonly gender: '男' | '女' | ''
  readonly departmentId: string
  readonly department: string
  readonly memberNo: string
  readonly phone: string
  readonly status: MemberStatus
  readonly bound: boolean
}

export interface MemberDetail extends MemberRow {
  readonly birthday: string
  readonly joinDate: string
  readonly grants: readonly { readonly role: Role; readonly scope?: { readonly kind: string; readonly id: string } }[]
}

export interface Page<T> {
  readonly items: readonly T[]
  readonly total: number
  readonly page: number
  readonly pageSize: number
}

export interface DepartmentView {
  readonly id: string
  readonly name: string
}

export interface InviteView {
  readonly code: string
  readonly memberId: string
  readonly name: string
  readonly department: string
  readonly expiresAt: string
  readonly used: boolean
}

export interface ImportReport {
  readonly jobId: string
  readonly fileName: string
  readonly total: number
  readonly valid: number
  /** Every problem found, capped at 500 for the screen; `problemCount` is the full count. */
  readonly problems: readonly RosterProblem[]
  readonly problemCount: number
  readonly toCreate: number
  readonly toUpdate: number
  readonly unchanged: number
  readonly newDepartments: readonly string[]
  /** Applying is allowed only for a file with no problems. */
  readonly canApply: boolean
}

export interface ImportProgress {
  readonly jobId: string
  readonly processed: number
  readonly total: number
  readonly done: boolean
}

export const memberActions = {
  /** The caller's own profile, union and roles. */
  'member.me': defineAction<MeView>()(z.strictObject({}), { kind: 'member' }),

  /** Bind this WeChat user with a one-time invite code from the union office. */
  'member.bindByCode': defineAction<MeView>()(z.strictObject({ code: inviteCode }), { kind: 'identified' }),
  /** Bind with 会员编号 + 姓名 + the phone's last four digits. */
  'member.bindByProfile': defineAction<MeView>()(
    z.strictObject({ memberNo, name, phoneLast4: z.string().check(z.regex(/^\d{4}$/)) }),
    { kind: 'identified' },
  ),

  /** Departments of the caller's union, for forms and filters. */
  'member.departments': defineAction<readonly DepartmentView[]>()(z.strictObject({}), { kind: 'member' }),

  // —— admin ——
  'member.list': defineAction<Page<MemberRow>>()(
    z.strictObject({
      keyword: z.optional(z.string().check(z.trim(), z.maxLength(32))),
      departmentId: z.optional(id),
      status: z.optional(z.enum(MEMBER_STATUSES)),
      page,
      pageSize,
    }),
    ADMIN,
  ),
  'member.get': defineAction<MemberDetail>()(z.strictObject({ id }), ADMIN),
  'member.update': defineAction<MemberDetail>()(
    z.strictObject({
      id,
      name: z.optional(name),
      gender: z.optional(z.enum(['男', '女'])),
      departmentId: z.optional(id),
      phone: z.optional(phone),
      birthday: z.optional(monthDay),
      joinDate: z.optional(date),
      status: z.optional(z.enum(MEMBER_STATUSES)),
    }),
    ADMIN,
  ),
  'member.setRoles': defineAction<MemberDetail>()(z.strictObject({ id, grants: z.array(RoleGrantSchema).check(z.maxLength(20)) }), ADMIN),
  'member.unbind': defineAction<MemberDetail>()(z.strictObject({ id }), ADMIN),

  'member.createInvites': defineAction<{ readonly created: number; readonly batchId: string }>()(
    z.strictObject({ memberIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(1000))) }),
    ADMIN,
  ),
  'member.listInvites': defineAction<Page<InviteView>>()(z.strictObject({ page, pageSize, unusedOnly: z._default(z.boolean(), true) }), ADMIN),
  'member.exportInvites': defineAction<{ readonly fileId: string; readonly url: string; readonly count: number }>()(z.strictObject({}), ADMIN),

  'member.importCheck': defineAction<ImportReport>()(
    z.strictObject({ fileId, fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/\.(csv|xlsx)$/i)) }),
    ADMIN,
  ),
  'member.importApply': defineAction<ImportProgress>()(z.strictObject({ jobId: id }), ADMIN),
}
