import type {
  BindingDoc,
  CampaignDoc,
  DepartmentDoc,
  GroupDoc,
  GroupMemberDoc,
  HardshipFileDoc,
  HardshipGrantDoc,
  HardshipPolicyChangeDoc,
  HardshipPolicyDoc,
  HardshipRequestDoc,
  HardshipVisitDoc,
  MemberDoc,
  PointDoc,
  RoleDoc,
  UnionDoc,
  VoucherDoc,
} from '../../cloudfunctions/_lib/documents'
import { DEFAULT_CATEGORIES, policyChanges } from '../../shared/domain/hardship'
import { birthdayVoucherWindow } from '../../shared/domain/benefits'

/** The demo union `npm start` creates on first run. Names are invented. */
/** 联系工会 shows the office's phone and place (an admin changes them in 管理后台 → 工会联系方式). */
export const DEMO_UNION: UnionDoc = {
  _id: 'demo-union',
  name: '市直机关示范工会',
  parentId: null,
  contact: { phone: '0571-87001234', place: '机关大楼 3 楼 305 室（工会办公室）' },
}

const DEPARTMENTS = ['办公室', '财务科', '人事科', '信息中心', '后勤服务中心'] as const

export const DEMO_DEPARTMENTS: DepartmentDoc[] = DEPARTMENTS.map((name, i) => ({ _id: `demo-dept-${i + 1}`, unionId: DEMO_UNION._id, name }))

const PEOPLE: ReadonlyArray<readonly [string, '男' | '女', number, MemberDoc['status']]> = [
  ['张伟', '男', 0, '在职'],
  ['李娜', '女', 1, '在职'],
  ['王芳', '女', 4, '在职'],
  ['刘洋', '男', 3, '在职'],
  ['陈静', '女', 1, '在职'],
  ['杨帆', '男', 2, '在职'],
  ['赵敏', '女', 0, '在职'],
  ['黄磊', '男', 3, '在职'],
  ['周婷', '女', 2, '在职'],
  ['吴强', '男', 4, '在职'],
  ['徐丽', '女', 0, '在职'],
  ['孙浩', '男', 1, '在职'],
  ['马超', '男', 3, '在职'],
  ['朱红', '女', 4, '退休'],
  ['胡军', '男', 2, '在职'],
  ['郭梅', '女', 0, '在职'],
  ['何平', '男', 1, '在职'],
  ['林晓', '女', 3, '在职'],
  ['罗斌', '男', 4, '在职'],
  ['高洁', '女', 2, '在职'],
  ['梁勇', '男', 0, '退休'],
  ['宋佳', '女', 1, '在职'],
  ['郑凯', '男', 3, '在职'],
  ['谢琳', '女', 4, '在职'],
  ['韩冰', '女', 2, '在职'],
  ['唐明', '男', 0, '在职'],
  ['冯雪', '女', 1, '在职'],
  ['董亮', '男', 3, '在职'],
  ['程雯', '女', 4, '在职'],
  ['曹阳', '男', 2, '在职'],
]

export const DEMO_MEMBERS: MemberDoc[] = PEOPLE.map(([name, gender, dept, status], i) => ({
  _id: `demo-member-${String(i + 1).padStart(2, '0')}`,
  unionId: DEMO_UNION._id,
  name,
  gender,
  departmentId: DEMO_DEPARTMENTS[dept]._id,
  departmentName: DEMO_DEPARTMENTS[dept].name,
  memberNo: `GH${String(2026001 + i)}`,
  phone: `139${String(10000000 + i * 7919).slice(0, 8)}`,
  birthday: `${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  joinDate: `20${String(10 + (i % 15)).padStart(2, '0')}-0${(i % 9) + 1}-01`,
  status,
}))

/** Demo WeChat users: each is bound to a member and shown in the local login switcher. */
export const DEMO_ACCOUNTS = [
  { openid: 'demo-admin', memberId: 'demo-member-01', roles: [{ role: 'admin' }] },
  { openid: 'demo-leader', memberId: 'demo-member-02', roles: [{ role: 'leader', scope: { kind: 'department', id: 'demo-dept-2' } }] },
  {
    openid: 'demo-redeemer',
    memberId: 'demo-member-03',
    roles: [
      { role: 'redeemer', scope: { kind: 'point', id: 'demo-point-cake' } },
      { role: 'redeemer', scope: { kind: 'point', id: 'demo-point-office' } },
    ],
  },
  { openid: 'demo-member', memberId: 'demo-member-04', roles: [] },
  { openid: 'demo-auditor', memberId: 'demo-member-05', roles: [{ role: 'auditor' }] },
  // 帮扶审核: sees and decides hardship and care requests; the admin above does not hold this role.
  { openid: 'demo-reviewer', memberId: 'demo-member-25', roles: [{ role: 'reviewer' }] },
] as const

export const DEMO_BINDINGS: BindingDoc[] = DEMO_ACCOUNTS.map((a) => ({
  _id: a.openid,
  unionId: DEMO_UNION._id,
  memberId: a.memberId,
  boundAt: new Date('2026-01-01T00:00:00+08:00'),
}))

export const DEMO_ROLES: RoleDoc[] = DEMO_ACCOUNTS.flatMap((a) =>
  a.roles.map((r, i) => ({ _id: `${a.memberId}-role-${i + 1}`, unionId: DEMO_UNION._id, memberId: a.memberId, ...r })),
)

/** Interest groups from seed 000 (羽毛球, 摄影, 瑜伽, 书法绘画), so the 小组 tab has something to show. */
const GROUPS = [
  {
    _id: 'demo-group-badminton',
    name: '羽毛球',
    description: '每周三晚上在机关活动中心练球，欢迎新手。',
    joinPolicy: 'open',
    sizeLimit: 30,
    leader: 'demo-member-02',
    members: ['demo-member-06', 'demo-member-08', 'demo-member-12', 'demo-member-15'],
  },
  {
    _id: 'demo-group-photo',
    name: '摄影',
    description: '周末外拍、作品分享，年底办摄影展。',
    joinPolicy: 'approval',
    sizeLimit: null,
    leader: 'demo-member-02',
    members: ['demo-member-09', 'demo-member-20'],
  },
  {
    _id: 'demo-group-yoga',
    name: '瑜伽',
    description: '每周一、周四午间，会议室二。',
    joinPolicy: 'open',
    sizeLimit: 20,
    leader: 'demo-member-07',
    members: ['demo-member-11', 'demo-member-16', 'demo-member-25'],
  },
  {
    _id: 'demo-group-calligraphy',
    name: '书法绘画',
    description: '临帖、国画入门，每月一次雅集。',
    joinPolicy: 'approval',
    sizeLimit: 25,
    leader: 'demo-member-19',
    members: ['demo-member-27'],
  },
] as const

const joined = new Date('2026-03-01T09:00:00+08:00')

export const DEMO_GROUPS: GroupDoc[] = GROUPS.map((g) => ({
  _id: g._id,
  unionId: DEMO_UNION._id,
  name: g.name,
  description: g.description,
  joinPolicy: g.joinPolicy,
  sizeLimit: g.sizeLimit,
  memberCount: 1 + g.members.length,
  createdAt: joined,
}))

export const DEMO_GROUP_MEMBERS: GroupMemberDoc[] = GROUPS.flatMap((g) =>
  [g.leader, ...g.members].map((memberId) => {
    const m = DEMO_MEMBERS.find((x) => x._id === memberId)!
    return {
      _id: `${g._id}:${memberId}`,
      unionId: DEMO_UNION._id,
      groupId: g._id,
      memberId,
      memberName: m.name,
      departmentName: m.departmentName,
      status: 'active' as const,
      shareContact: false,
      requestedAt: joined,
      joinedAt: joined,
      claim: 'seed',
    }
  }),
)

export const DEMO_GROUP_LEADER_ROLES: RoleDoc[] = GROUPS.map((g) => ({
  _id: [g.leader, 'leader', 'group', g._id].join(':'),
  unionId: DEMO_UNION._id,
  memberId: g.leader,
  role: 'leader',
  scope: { kind: 'group', id: g._id },
}))

// —— hardship and care (帮扶 / 慰问) ——

const at = (text: string) => new Date(`${text}:00+08:00`)
const person = (id: string) => DEMO_MEMBERS.find((m) => m._id === id)!
const ZHANG_WEI = person('demo-member-01')
const LI_NA = person('demo-member-02')
const HAN_BING = person('demo-member-25')

/** 2026's standards as seed 004 sets them (五要访、五要贺), entered by the chair. */
export const DEMO_HARDSHIP_POLICY: HardshipPolicyDoc = {
  _id: 'demo-union:2026',
  unionId: DEMO_UNION._id,
  year: 2026,
  categories: DEFAULT_CATEGORIES,
  version: 1,
  updatedAt: at('2026-01-05 10:00'),
  updatedBy: ZHANG_WEI._id,
  updatedByName: ZHANG_WEI.name,
}

export const DEMO_HARDSHIP_POLICY_CHANGES: HardshipPolicyChangeDoc[] = [
  {
    _id: 'demo-policy-change-1',
    unionId: DEMO_UNION._id,
    year: 2026,
    version: 1,
    before: [],
    after: DEFAULT_CATEGORIES,
    changes: ['按《2019年市直机关工会工作要点》“五要访”“五要贺”设定初始标准', ...policyChanges([], DEFAULT_CATEGORIES)],
    by: ZHANG_WEI._id,
    byName: ZHANG_WEI.name,
    at: at('2026-01-05 10:00'),
  },
]

const HUANG_LEI = person('demo-member-08')
const SUN_HAO = person('demo-member-12')
const ZHU_HONG = person('demo-member-14')

const step = (
  kind: HardshipRequestDoc['steps'][number]['kind'],
  status: HardshipRequestDoc['status'],
  when: string,
  actor: MemberDoc,
  actorRole: 'member' | 'reporter' | 'reviewer',
  extra: Partial<HardshipRequestDoc['steps'][number]> = {},
) => ({
  kind,
  status,
  at: at(when),
  actorId: actor._id,
  actorName: actor.name,
  actorRole,
  note: '',
  amountFen: null,
  method: null,
  paidOn: null,
  ...extra,
})

/** Two requests in different states: one waiting to be taken, one reported by a leader and paid. */
export const DEMO_HARDSHIP_REQUESTS: HardshipRequestDoc[] = [
  {
    _id: 'demo-hardship-1',
    unionId: DEMO_UNION._id,
    memberId: HUANG_LEI._id,
    memberName: HUANG_LEI.name,
    departmentName: HUANG_LEI.departmentName,
    reporterId: HUANG_LEI._id,
    reporterName: HUANG_LEI.name,
    category: 'hospital',
    categoryName: '生病住院',
    kind: 'care',
    year: 2026,
    description: '11 月 16 日因急性阑尾炎在市人民医院住院手术，预计住院一周。',
    amountAskedFen: null,
    photoFileIds: [],
    contact: '本人手机，工作日白天',
    status: 'submitted',
    version: 1,
    steps: [step('submit', 'submitted', '2026-11-18 09:12', HUANG_LEI, 'member')],
    reviewerId: null,
    reviewerName: null,
    approvedFen: null,
    caseLabel: null,
    payment: null,
    submittedAt: at('2026-11-18 09:12'),
    updatedAt: at('2026-11-18 09:12'),
  },
  {
    _id: 'demo-hardship-2',
    unionId: DEMO_UNION._id,
    memberId: SUN_HAO._id,
    memberName: SUN_HAO.name,
    departmentName: SUN_HAO.departmentName,
    reporterId: LI_NA._id,
    reporterName: LI_NA.name,
    category: 'bereavement',
    categoryName: '直系亲属去世',
    kind: 'care',
    year: 2026,
    description: '孙浩的父亲于 11 月 1 日因病去世，小组长代为申报。',
    amountAskedFen: 100_000,
    photoFileIds: [],
    contact: '请联系财务科李娜',
    status: 'paid',
    version: 4,
    steps: [
      step('submit', 'submitted', '2026-11-02 08:40', LI_NA, 'reporter', { amountFen: 100_000 }),
      step('take', 'reviewing', '2026-11-02 14:05', HAN_BING, 'reviewer'),
      step('approve', 'approved', '2026-11-03 10:30', HAN_BING, 'reviewer', { amountFen: 100_000, note: '按标准慰问' }),
      step('pay', 'paid', '2026-11-05 16:00', HAN_BING, 'reviewer', { amountFen: 100_000, method: 'bank', paidOn: '2026-11-05' }),
    ],
    reviewerId: HAN_BING._id,
    reviewerName: HAN_BING.name,
    approvedFen: 100_000,
    caseLabel: '父亲',
    payment: {
      amountFen: 100_000,
      method: 'bank',
      paidOn: '2026-11-05',
      note: '',
      by: HAN_BING._id,
      byName: HAN_BING.name,
      at: at('2026-11-05 16:00'),
      key: 'demo-payment-2',
    },
    submittedAt: at('2026-11-02 08:40'),
    updatedAt: at('2026-11-05 16:00'),
  },
]

/** The allowance the paid request used (直系亲属去世: each relative once). */
export const DEMO_HARDSHIP_GRANTS: HardshipGrantDoc[] = [
  {
    _id: 'demo-hardship-grant-2',
    unionId: DEMO_UNION._id,
    memberId: SUN_HAO._id,
    category: 'bereavement',
    period: 'ever',
    caseKey: '父亲',
    slot: 1,
    requestId: 'demo-hardship-2',
    at: at('2026-11-03 10:30'),
  },
]

/** One 困难职工档案, due for review, with a Spring Festival 送温暖 visit. */
export const DEMO_HARDSHIP_FILES: HardshipFileDoc[] = [
  {
    _id: ZHU_HONG._id,
    unionId: DEMO_UNION._id,
    memberId: ZHU_HONG._id,
    memberName: ZHU_HONG.name,
    departmentName: ZHU_HONG.departmentName,
    level: '一般困难',
    reason: '退休后配偶患重病长期治疗，家庭医疗支出大。',
    since: '2025-12-01',
    nextReviewOn: '2026-11-15',
    active: true,
    reviewReminded: false,
    lastVisitOn: '2026-02-10',
    createdAt: at('2025-12-01 09:00'),
    updatedAt: at('2025-12-01 09:00'),
    updatedBy: HAN_BING._id,
    updatedByName: HAN_BING.name,
  },
]

export const DEMO_HARDSHIP_VISITS: HardshipVisitDoc[] = [
  {
    _id: 'demo-hardship-visit-1',
    unionId: DEMO_UNION._id,
    memberId: ZHU_HONG._id,
    date: '2026-02-10',
    visitors: '张伟、韩冰',
    given: '春节慰问金 500 元，米、油各一份',
    amountFen: 50_000,
    note: '家属病情稳定，叮嘱有困难及时联系工会。',
    recordedBy: HAN_BING._id,
    recordedByName: HAN_BING.name,
    createdAt: at('2026-02-10 17:20'),
  },
]
/** Where vouchers are redeemed: a cake shop and the union office (王芳 serves both). */
export const DEMO_POINTS: PointDoc[] = [
  { _id: 'demo-point-cake', unionId: DEMO_UNION._id, name: '好利来蛋糕（中山路店）', address: '中山路 88 号' },
  { _id: 'demo-point-office', unionId: DEMO_UNION._id, name: '工会办公室', address: '机关大楼 3 楼 305' },
]

/** This year's birthday cake vouchers, issued by the daily timer to members whose birthday month has come. */
export function demoCakeCampaign(now: Date): CampaignDoc {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
  return {
    _id: `demo-cake-${year}`,
    unionId: DEMO_UNION._id,
    kind: 'cake',
    name: `${year}年生日蛋糕券`,
    year,
    faceValue: 20000,
    options: [{ id: 'o1', name: '8 寸水果蛋糕', stock: null, supplier: '好利来蛋糕', povertyRelief: false }],
    includeRetired: true,
    departmentIds: [],
    claimClosesAt: new Date(`${year}-12-31T23:59:59+08:00`),
    redeemFrom: new Date(`${year}-01-01T00:00:00+08:00`),
    redeemUntil: new Date(`${year}-12-31T23:59:59+08:00`),
    points: DEMO_POINTS.map((p) => ({ id: p._id, name: p.name })),
    autoBirthday: true,
    issueCursor: '',
    remindedAt: null,
    createdBy: 'demo-member-01',
    createdAt: now,
  }
}

/**
 * The birthday campaign as it stands after running since January: each member whose birth month
 * has passed got a voucher on the 1st of that month (the daily timer's rule), valid to the end of
 * the next month; three in four collected a cake at 好利来, the others let it lapse. This month's
 * birthdays are left to the timer, which issues them when the app starts. The ledger holds what the
 * functions would have posted: one commitment per monthly pass, one spend per cake collected.
 */
export function demoBirthdayHistory(now: Date): { vouchers: VoucherDoc[]; ledger: Record<string, unknown>[] } {
  const c = demoCakeCampaign(now)
  const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(now))
  const wangFang = person('demo-member-03')
  const cakeShop = DEMO_POINTS[0]
  const vouchers: VoucherDoc[] = []
  const ledger: Record<string, unknown>[] = []
  const base = { unionId: c.unionId, year: c.year, line: 'cake', source: { type: 'benefit', id: c._id }, reverses: null, sealed: false }
  for (let m = 1; m < month; m++) {
    const mm = String(m).padStart(2, '0')
    const born = DEMO_MEMBERS.filter((p) => p.status !== '离会' && p.birthday?.startsWith(`${mm}-`))
    if (!born.length) continue
    const issuedAt = new Date(`${c.year}-${mm}-01T08:00:00+08:00`)
    const window = birthdayVoucherWindow(c, issuedAt)
    const pass = `demo-${mm}`
    ledger.push({
      _id: `benefit-issue:${c._id}:${pass}`,
      ...base,
      committed: born.length * c.faceValue,
      spent: 0,
      memo: `${c.name}：发放 ${born.length} 张`,
      by: 'system',
      byName: '系统',
      at: issuedAt,
    })
    born.forEach((p, k) => {
      const collected = (vouchers.length + 1) % 4 !== 0
      const redeemedAt = new Date(`${c.year}-${mm}-${String(10 + k).padStart(2, '0')}T17:30:00+08:00`)
      const _id = `cake:${c.unionId}:${c.year}:${p._id}`
      vouchers.push({
        _id,
        unionId: c.unionId,
        campaignId: c._id,
        kind: 'cake',
        name: c.name,
        year: c.year,
        faceValue: c.faceValue,
        memberId: p._id,
        memberName: p.name,
        departmentId: p.departmentId,
        departmentName: p.departmentName,
        needsChoice: false,
        optionId: c.options[0].id,
        optionName: c.options[0].name,
        status: collected ? 'redeemed' : 'issued',
        ...window,
        points: c.points,
        issuedAt,
        redeemedAt: collected ? redeemedAt : null,
        redemption: collected
          ? {
              at: redeemedAt,
              pointId: cakeShop._id,
              pointName: cakeShop.name,
              by: wangFang._id,
              byName: wangFang.name,
              requestId: `demo-redeem-${p._id}`,
              proxyReason: null,
            }
          : null,
        remindedAt: null,
        issuePass: pass,
        settled: true,
      })
      if (collected)
        ledger.push({
          _id: `benefit-spend:${_id}`,
          ...base,
          committed: -c.faceValue,
          spent: c.faceValue,
          memo: `${c.name}：${cakeShop.name} 核销`,
          by: wangFang._id,
          byName: wangFang.name,
          at: redeemedAt,
        })
    })
  }
  return { vouchers, ledger }
}

/** This year's budget as the committee approved it (分), so approvals have a line to draw on. */
export const DEMO_BUDGET_LINES = {
  activities: 15_000_000,
  holiday: 18_000_000,
  cake: 900_000,
  care: 5_000_000,
  hardship: 5_000_000,
  training: 3_000_000,
  other: 2_000_000,
} as const

export function demoBudget(now: Date) {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
  return {
    budget: { _id: `${DEMO_UNION._id}:${year}`, unionId: DEMO_UNION._id, year, lines: DEMO_BUDGET_LINES, closed: false },
    lines: Object.entries(DEMO_BUDGET_LINES).map(([line, available]) => ({
      _id: `${DEMO_UNION._id}:${year}:${line}`,
      unionId: DEMO_UNION._id,
      year,
      line,
      available,
    })),
  }
}

/** The books for the demo's aid already approved and paid, as the functions would have posted them. */
export function demoAidLedger() {
  return DEMO_HARDSHIP_REQUESTS.filter((r) => r.approvedFen !== null).flatMap((r) => {
    const line = r.kind === 'care' ? 'care' : 'hardship'
    const memo = r.kind === 'care' ? '会员慰问支出' : '困难帮扶支出'
    const base = {
      unionId: r.unionId,
      year: r.year,
      line,
      source: { type: 'hardship', id: r._id },
      by: HAN_BING._id,
      byName: HAN_BING.name,
      reverses: null,
      sealed: false,
    }
    const approved = r.steps.find((s) => s.kind === 'approve')!.at
    const entries = [{ _id: `hardship-approve:${r._id}`, ...base, committed: r.approvedFen!, spent: 0, memo: `${memo}（批准）`, at: approved }]
    if (r.payment) entries.push({ _id: `hardship-pay:${r._id}`, ...base, committed: -r.approvedFen!, spent: r.approvedFen!, memo, at: r.payment.at })
    return entries
  })
}
