import * as z from 'zod/mini'
import { defineAction } from './define'
import { calendarDate, monthDay, text } from './schemas'
import { BIND_FIELDS, PERSON_NAME, TYPED_INVITE_CODE_MAX } from './member.fields'
import type { TextRule } from './fields'
import type { Hints } from './wording'
import { ROLES, type Role } from '../domain/roles'
import { MEMBER_STATUSES, ROSTER_FILE_NAME, type MemberStatus, type RosterProblem } from '../domain/roster'
import { MOBILE_PATTERN } from '../domain/member-facts'
import type { Allocation } from '../domain/activity-schedule'
import type { BenefitKind } from '../domain/benefits'
import type { RequestStatus } from '../domain/hardship'

export { ROLES, type Role } from '../domain/roles'

const ADMIN = { kind: 'member', roles: ['admin'] } as const

// —— field schemas, shared by every action that takes them ——
const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:-]+$/))
/** An admin may correct a name, never clear it. */
const name = text({ ...PERSON_NAME, words: { missing: '姓名不能为空' } })
/** A mobile number; an admin may correct it, never clear it. */
const phone = z.string().check(z.trim(), z.minLength(1, { error: '手机号不能清空' }), z.regex(MOBILE_PATTERN))
/** 联系工会's phone: an office line (0571-87001234, 分机 allowed as -805), a local number or a mobile. */
export const UNION_PHONE: TextRule = {
  min: 1,
  max: 20,
  pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/,
  words: { format: '联系电话格式不对，座机如 0571-87001234，手机为 11 位', tooLong: '联系电话格式不对，座机如 0571-87001234，手机为 11 位' },
}
/** 工会联系方式's form, under the field already labelled 联系电话: the same sentence without the name. */
export const UNION_CONTACT_HINTS: Hints = {
  phone: { format: '电话格式不对，座机如 0571-87001234，手机为 11 位', tooLong: '电话格式不对，座机如 0571-87001234，手机为 11 位' },
}
/** 联系工会's place. */
export const UNION_PLACE_MAX = 40
const date = calendarDate
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
const inviteCode = z.string().check(z.trim(), z.minLength(4), z.maxLength(TYPED_INVITE_CODE_MAX))
/** 名册's search: a name or 会员编号. */
export const MEMBER_KEYWORD_MAX = 32
const fileId = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^cloud:\/\//))

export const RoleGrantSchema = z.strictObject({
  role: z.enum(ROLES),
  scope: z.optional(z.strictObject({ kind: z.enum(['department', 'group', 'point']), id })),
})

// —— views: what the client receives ——
export interface MeView {
  readonly member: { readonly id: string; readonly name: string; readonly department: string; readonly memberNo: string }
  /** `contact`: how to reach the union office (联系工会 on 我的); null until an admin fills it in (member.me always says). */
  readonly union: { readonly id: string; readonly name: string; readonly contact?: UnionContact | null }
  readonly roles: readonly Role[]
  /**
   * Scoped grants, so 我的 can show "财务科 组长" and offer the right entry points. `name` is the
   * department's, group's or redemption point's name; `gone` when that no longer exists (the name
   * then says so, e.g. 「已删除的小组」).
   */
  readonly grants: readonly {
    readonly role: Role
    readonly scope?: { readonly kind: string; readonly id: string; readonly name: string; readonly gone?: boolean }
  }[]
  /**
   * Counts for tab badges: requests waiting in the groups the caller leads, and the caller's unread
   * messages (消息), carried here so 首页 and 我的 show the badge without a call of their own.
   */
  readonly badges: { readonly groupRequests: number; readonly unreadMessages: number }
  /** Where this user's uploads go (`uploads/<openid>`); functions accept only files from here. */
  readonly uploadFolder: string
}

/** The union office's phone and where to find it, as an admin entered them (联系工会). */
export interface UnionContact {
  readonly phone: string
  readonly place: string
}

/** One of the caller's coming events on 首页, with where the caller stands in it. */
export interface HomeActivity {
  readonly id: string
  readonly title: string
  readonly place: string
  readonly startAt: string
  readonly endAt: string
  /** confirmed (报名成功 / 中签), waiting (排队 / 候补) or entered (报名抽签, not drawn yet). */
  readonly myStatus: 'confirmed' | 'waiting' | 'entered'
  /** 1 = next in line; null unless waiting. */
  readonly waitingPosition: number | null
  readonly allocation: Allocation
  readonly drawAt: string | null
  readonly drawnAt: string | null
}

/** A voucher that needs the caller: a gift still to choose (until `claimClosesAt`) or one ready to use (until `redeemUntil`). */
export interface HomeVoucher {
  readonly id: string
  readonly name: string
  readonly kind: BenefitKind
  readonly state: 'choose' | 'ready'
  readonly optionName: string | null
  readonly claimClosesAt: string
  readonly redeemUntil: string
}

/** A hardship request the caller made or reported, as its timeline already shows it: category and status only. */
export interface HomeRequest {
  readonly id: string
  readonly categoryName: string
  readonly status: RequestStatus
  /** The colleague it is for when the caller reported it for someone else; null for the caller's own. */
  readonly forName: string | null
  readonly updatedAt: string
}

/** An unread message's headline on 首页 (the whole message is in 消息). */
export interface HomeMessage {
  readonly id: string
  readonly kindLabel: string
  readonly title: string
  readonly createdAt: string
}

/**
 * 首页 in one call: who I am (with the badges), and what needs me — coming events, gifts to choose,
 * vouchers to use, my requests' progress, unread messages. Each list is short (the most pressing
 * first); the tab or page behind it has the rest.
 */
export interface HomeView {
  readonly me: MeView
  readonly activities: readonly HomeActivity[]
  readonly gifts: readonly HomeVoucher[]
  readonly vouchers: readonly HomeVoucher[]
  readonly requests: readonly HomeRequest[]
  readonly messages: readonly HomeMessage[]
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

/**
 * 电子会员证: what the member shows union staff, with a signed code renewed every 30 seconds (a
 * photo of it soon stops working). `joinDate` is `YYYY-MM-DD`, or '' when the roster has none.
 */
export interface MemberCardView {
  readonly name: string
  readonly union: string
  readonly memberNo: string
  readonly department: string
  readonly joinDate: string
  readonly status: MemberStatus
  readonly code: {
    /** Signed with the function secret, carries its expiry; drawn as the QR code. */
    readonly token: string
    /** Six digits staff can type instead; expires with the token. */
    readonly shortCode: string
    readonly expiresAt: string
  }
}

/** What staff see when they check a card: who, where, and whether still a member — nothing more. */
export interface MemberCardCheck {
  readonly name: string
  readonly department: string
  readonly status: MemberStatus
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

/**
 * The admin's member form, beside its fields: how to type a number or a date (the answer to a
 * request names what is wrong: 手机号的格式不对, 生日不是有效的月日…).
 */
export const MEMBER_FORM_HINTS: Hints = {
  phone: { format: '手机号应为 11 位数字' },
  birthday: '生日请写成 05-12 这样的月-日',
  joinDate: '入会日期请写成 2020-03-01',
}

export const memberActions = {
  /** The caller's own profile, union and roles. */
  'member.me': defineAction<MeView>()(z.strictObject({}), { kind: 'member' }),
  /** 电子会员证 with a fresh signed code (call again to renew it); the caller's own card only. */
  'member.card': defineAction<MemberCardView>()(z.strictObject({}), { kind: 'member' }),
  /** 核验会员证 (union office staff, i.e. admins): the scanned token or six typed digits → name, department, status. */
  'member.verifyCard': defineAction<MemberCardCheck>()(z.strictObject({ code: z.string().check(z.trim(), z.minLength(6), z.maxLength(400)) }), ADMIN, {
    code: '会员证码',
  }),
  /** 首页's first screen: member.me and what needs the caller, only the caller's own. */
  'member.home': defineAction<HomeView>()(z.strictObject({}), { kind: 'member' }),

  /** Bind this WeChat user with a one-time invite code from the union office. */
  'member.bindByCode': defineAction<MeView>()(z.strictObject({ code: inviteCode }), { kind: 'identified' }),
  /** Bind with 会员编号 + 姓名 + the phone's last four digits. */
  'member.bindByProfile': defineAction<MeView>()(
    z.strictObject({ memberNo: text(BIND_FIELDS.memberNo), name: text(BIND_FIELDS.name), phoneLast4: text(BIND_FIELDS.phoneLast4) }),
    { kind: 'identified' },
  ),

  /** Departments of the caller's union, for forms and filters. */
  'member.departments': defineAction<readonly DepartmentView[]>()(z.strictObject({}), { kind: 'member' }),

  // —— admin ——
  'member.list': defineAction<Page<MemberRow>>()(
    z.strictObject({
      keyword: z.optional(z.string().check(z.trim(), z.maxLength(MEMBER_KEYWORD_MAX))),
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
  /** 联系工会: the office's phone and place, shown to every member on 我的. */
  'member.setUnionContact': defineAction<UnionContact>()(z.strictObject({ phone: text(UNION_PHONE), place: text({ min: 1, max: UNION_PLACE_MAX }) }), ADMIN, {
    phone: '联系电话',
    place: '办公地点',
  }),

  'member.createInvites': defineAction<{ readonly created: number; readonly batchId: string }>()(
    z.strictObject({ memberIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(1000))) }),
    ADMIN,
  ),
  'member.listInvites': defineAction<Page<InviteView>>()(z.strictObject({ page, pageSize, unusedOnly: z._default(z.boolean(), true) }), ADMIN),
  'member.exportInvites': defineAction<{ readonly fileId: string; readonly url: string; readonly count: number }>()(z.strictObject({}), ADMIN),

  'member.importCheck': defineAction<ImportReport>()(
    z.strictObject({ fileId, fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(ROSTER_FILE_NAME)) }),
    ADMIN,
  ),
  'member.importApply': defineAction<ImportProgress>()(z.strictObject({ jobId: id }), ADMIN),
}
