/**
 * The privacy sweep: a request (its text, its amounts, its photo) and a hardship file exist; then
 * every role that must not see them calls every action of the whole API — hardship, members, groups,
 * activities, rosters and exports (whose spreadsheets are opened too) — and no answer contains any of
 * it. A control run as the reviewer proves the needles are found where they are allowed.
 */
import ExcelJS from 'exceljs'
import type { ActionName } from '@shared/contract'
import { actions } from '@shared/contract'
import { formatShanghai } from '@shared/domain/time'
import { DEFAULT_CATEGORIES } from '@shared/domain/hardship'
import { appServerForFile } from '../support/app-server'
import { activityForm, eventHours } from '../support/activity-form'
import { campaignDays, campaignForm } from '../support/campaign-form'
import { seedOtherUnion } from '../support/other-union'
import { JPEG, newKey, upload } from '../support/hardship'

jest.setTimeout(120_000)

const DESCRIPTION = '肾移植术后排异住院观察（隐私核对用语）'
const CONTACT = '爱人电话 13811112222（隐私核对）'
const ASKED_FEN = 98_765
const APPROVED_FEN = 87_654
const FILE_REASON = '独自抚养患病子女（隐私核对档案）'
const VISIT_GIVEN = '慰问金和营养品（隐私核对走访）'

const app = appServerForFile()
let requestId = ''
let photoFileId = ''
let activityId = ''
let needles: string[] = []
/** Amounts, as numbers or 元 text, not as digits inside an id or a phone number. */
const AMOUNTS = [98_765, 87_654, 43_210].flatMap((fen) => [String(fen), `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`])
const amountIn = (text: string) => AMOUNTS.filter((a) => new RegExp(`(^|[^0-9A-Za-z.])${a.replace('.', '\\.')}($|[^0-9A-Za-z])`).test(text))

const today = () => formatShanghai(new Date(), 'YYYY-MM-DD')
/** A 财务科 event the sweep posts. */
const TUG_OF_WAR = { scope: { kind: 'department', id: 'demo-dept-2' }, title: '拔河', type: '球类比赛', place: '操场', capacity: 10 }
/** An event 刘洋 signs up for, so attendee lists and exports have him in them. */
const walk = () => ({ title: '健步走', type: '健步走', place: '江滨公园', ...eventHours({ start: 48, end: 50, closes: 24, cancelBy: 24 }), capacity: null })

beforeAll(async () => {
  await seedOtherUnion()
  photoFileId = await upload(app, 'demo-member', 'transplant-scan.jpg', JPEG)
  const submitted = await app.call(
    'hardship.submit',
    { key: newKey(), category: 'hospital', description: DESCRIPTION, amountFen: ASKED_FEN, photoFileIds: [photoFileId], contact: CONTACT },
    'demo-member',
  )
  requestId = submitted.body.data.id
  await app.call('hardship.take', { id: requestId }, 'demo-reviewer')
  const approved = await app.call('hardship.approve', { id: requestId, amountFen: APPROVED_FEN, caseLabel: '肾移植' }, 'demo-reviewer')
  expect(approved.body.ok).toBe(true)
  await app.call(
    'hardship.saveFile',
    { memberId: 'demo-member-04', level: '深度困难', reason: FILE_REASON, since: '2026-01-01', nextReviewOn: '2027-01-01' },
    'demo-reviewer',
  )
  await app.call(
    'hardship.addVisit',
    { memberId: 'demo-member-04', key: newKey(), date: today(), visitors: '韩冰', given: VISIT_GIVEN, amountFen: 43_210 },
    'demo-reviewer',
  )
  const event = await app.call('activity.create', activityForm(walk()), 'demo-admin')
  activityId = event.body.data.id
  await app.call('activity.signUp', { id: activityId }, 'demo-member')
  const uploadPath = photoFileId.split('/').pop()!
  needles = [DESCRIPTION, CONTACT, FILE_REASON, VISIT_GIVEN, photoFileId, uploadPath, '肾移植']
})

/** One plausible input for every action of the API (refusals are fine: what matters is what comes back). */
const INPUTS: Record<ActionName, () => object> = {
  'member.me': () => ({}),
  'member.home': () => ({}),
  'member.card': () => ({}),
  'member.verifyCard': () => ({ code: '000000' }),
  'member.setUnionContact': () => ({ phone: '0571-87001234', place: '机关大楼 3 楼 305 室' }),
  'member.bindByCode': () => ({ code: 'ABCD-EFGH' }),
  'member.bindByProfile': () => ({ memberNo: 'GH2026004', name: '刘洋', phoneLast4: '0000' }),
  'member.departments': () => ({}),
  'member.list': () => ({ pageSize: 100 }),
  'member.get': () => ({ id: 'demo-member-04' }),
  'member.update': () => ({ id: 'demo-member-10', phone: '13800000010' }),
  'member.setRoles': () => ({ id: 'demo-member-10', grants: [] }),
  'member.unbind': () => ({ id: 'demo-member-10' }),
  'member.createInvites': () => ({ memberIds: ['demo-member-10'] }),
  'member.listInvites': () => ({ pageSize: 100, unusedOnly: false }),
  'member.exportInvites': () => ({}),
  'member.importCheck': () => ({ fileId: 'cloud://local.local-bucket/none.csv', fileName: 'none.csv' }),
  'member.importApply': () => ({ jobId: 'no-such-job' }),
  'group.list': () => ({}),
  'group.get': () => ({ id: 'dept:demo-dept-4' }),
  'group.roster': () => ({ id: 'dept:demo-dept-4', pageSize: 100 }),
  'group.records': () => ({ id: 'demo-group-badminton' }),
  'group.join': () => ({ id: 'demo-group-yoga' }),
  'group.leave': () => ({ id: 'demo-group-yoga' }),
  'group.requests': () => ({ id: 'demo-group-photo' }),
  'group.decide': () => ({ id: 'demo-group-photo', memberId: 'demo-member-04', approve: false }),
  'group.remove': () => ({ id: 'demo-group-badminton', memberId: 'demo-member-30' }),
  'group.handOver': () => ({ id: 'demo-group-calligraphy', toMemberId: 'demo-member-27' }),
  'group.addRecord': () => ({ id: 'demo-group-badminton', title: '训练', date: today() }),
  'group.exportRoster': () => ({ id: 'dept:demo-dept-4' }),
  'group.create': () => ({ name: `小组${newKey().slice(0, 6)}`, joinPolicy: 'open', sizeLimit: null, leaderIds: ['demo-member-02'] }),
  'group.update': () => ({ id: 'demo-group-badminton', description: '每周三晚上练球' }),
  'activity.create': () => activityForm({ ...TUG_OF_WAR, ...eventHours({ start: 30, end: 31, closes: 20, cancelBy: 20 }) }),
  'activity.list': () => ({ pageSize: 100 }),
  'activity.get': () => ({ id: activityId }),
  'activity.signUp': () => ({ id: activityId }),
  'activity.cancel': () => ({ id: 'no-such-activity' }),
  'activity.myCode': () => ({ id: activityId }),
  'activity.checkIn': () => ({ id: activityId, code: '123456' }),
  'activity.export': () => ({ id: activityId, columns: ['name', 'department', 'status', 'signedAt', 'checkedInAt'] }),
  'activity.cancelEvent': () => ({ id: 'no-such-activity', reason: '天气' }),
  'activity.participation': () => ({ year: Number(today().slice(0, 4)) }),
  'activity.attendees': () => ({ id: activityId, pageSize: 100 }),
  'activity.update': () => ({ id: activityId, ...walk() }),
  'activity.draw': () => ({ id: activityId }),
  'activity.drawResult': () => ({ id: activityId }),
  'benefit.savePoint': () => ({ name: '隐私核对兑换点' }),
  'benefit.points': () => ({}),
  'benefit.createCampaign': () => campaignForm({ name: '隐私核对福利', faceValue: 100, ...campaignDays({ claimCloses: 2, redeemUntil: 4 }) }),
  'benefit.campaigns': () => ({ pageSize: 100 }),
  'benefit.campaign': () => ({ id: `demo-cake-${today().slice(0, 4)}` }),
  'benefit.issue': () => ({ id: `demo-cake-${today().slice(0, 4)}` }),
  'benefit.vouchers': () => ({ id: `demo-cake-${today().slice(0, 4)}`, pageSize: 100 }),
  'benefit.export': () => ({ id: `demo-cake-${today().slice(0, 4)}` }),
  'benefit.proxyRedeem': () => ({ voucherId: 'no-such-voucher', pointId: 'demo-point-office', reason: '代领' }),
  'benefit.mine': () => ({}),
  'benefit.choose': () => ({ voucherId: 'no-such-voucher', optionId: 'o1' }),
  'benefit.code': () => ({ voucherId: 'no-such-voucher' }),
  'benefit.inspect': () => ({ code: '123456', pointId: 'demo-point-office' }),
  'benefit.redeem': () => ({ ticket: 'forged.ticket.x', requestId: 'privacy-sweep-1' }),
  'benefit.redemptions': () => ({ pageSize: 100 }),
  'benefit.settlement': () => ({ pointId: 'demo-point-office', from: today(), to: today() }),
  'funds.budget': () => ({ year: Number(today().slice(0, 4)) }),
  'funds.setBudget': () => ({ year: 2030, lines: { training: 100 } }),
  'funds.closeYear': () => ({ year: 2001 }),
  'funds.ledger': () => ({ year: Number(today().slice(0, 4)), pageSize: 100 }),
  'funds.correct': () => ({ entryId: 'no-such-entry', reason: '核对' }),
  'funds.recordExpense': () => ({
    key: newKey(),
    activityId,
    items: [{ name: '水', quantity: 1, unitPrice: 100 }],
    invoiceFileIds: ['cloud://local.local-bucket/x.jpg'],
  }),
  'funds.expenses': () => ({ pageSize: 100 }),
  'funds.decideExpense': () => ({ id: 'no-such-claim', approve: true }),
  'funds.report': () => ({ year: Number(today().slice(0, 4)) }),
  'funds.auditLog': () => ({ pageSize: 100 }),
  'funds.verify': () => ({}),
  'funds.public': () => ({ year: Number(today().slice(0, 4)) }),
  'hardship.policy': () => ({}),
  'hardship.submit': () => ({ key: newKey(), category: 'birthday', description: '生日', contact: '电话' }),
  'hardship.mine': () => ({ pageSize: 100 }),
  'hardship.get': () => ({ id: requestId }),
  'hardship.withdraw': () => ({ id: requestId }),
  'hardship.resubmit': () => ({ id: requestId, description: '补充', contact: '电话' }),
  'hardship.colleagues': () => ({ keyword: '刘' }),
  'hardship.queue': () => ({ tab: 'approved', pageSize: 100 }),
  'hardship.take': () => ({ id: requestId }),
  'hardship.approve': () => ({ id: requestId, amountFen: 100, caseLabel: '肾移植' }),
  'hardship.return': () => ({ id: requestId, reason: '补充' }),
  'hardship.reject': () => ({ id: requestId, reason: '不符合' }),
  'hardship.pay': () => ({ id: requestId, key: newKey(), method: 'cash', paidOn: today() }),
  'hardship.files': () => ({ pageSize: 100 }),
  'hardship.file': () => ({ memberId: 'demo-member-04' }),
  'hardship.saveFile': () => ({ memberId: 'demo-member-04', level: '一般困难', reason: '改写', since: '2026-01-01', nextReviewOn: '2027-01-01' }),
  'hardship.addVisit': () => ({ memberId: 'demo-member-04', key: newKey(), date: today(), visitors: 'x', given: 'y' }),
  'hardship.savePolicy': () => ({ year: Number(today().slice(0, 4)), version: 999, categories: DEFAULT_CATEGORIES }),
  'hardship.policyHistory': () => ({}),
  'message.list': () => ({ pageSize: 50 }),
  'message.read': () => ({ id: 'no-such-message' }),
  'message.readAll': () => ({}),
  'message.templates': () => ({}),
  'message.subscribe': () => ({ accepted: ['hardship'] }),
}

const opened: string[] = []
// The audit log shows an aid step as its line and amount (the same facts as its ledger entry, to the
// same readers), never the request, a name or the story.
const MONEY_TRAIL = new Set<ActionName>(['funds.budget', 'funds.ledger', 'funds.report', 'funds.auditLog'])

/** Everything a caller could read from an answer: the JSON, and the cells of any spreadsheet it links. */
async function readable(name: string, body: unknown): Promise<string> {
  let text = JSON.stringify(body)
  const url = (body as { ok?: boolean; data?: { url?: unknown } })?.data?.url
  if (typeof url === 'string' && /^https?:/.test(url)) {
    const file = await fetch(url)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as never)
    book.eachSheet((sheet) => sheet.eachRow((row) => (text += `\n${JSON.stringify(row.values)}`)))
    opened.push(`${name}${text.includes('刘洋') ? '（含刘洋）' : ''}`)
  }
  return text
}

const leaks = (text: string) => [...needles.filter((n) => text.includes(n)), ...amountIn(text)]

it('names an input for every action of the API', () => {
  expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(actions).sort())
})

it('control: the reviewer does see the request, its photo link, the file and the visit', async () => {
  const detail = await app.call('hardship.get', { id: requestId }, 'demo-reviewer')
  const file = await app.call('hardship.file', { memberId: 'demo-member-04' }, 'demo-reviewer')
  const seen = JSON.stringify(detail.body) + JSON.stringify(file.body)
  for (const n of [DESCRIPTION, CONTACT, photoFileId, FILE_REASON, VISIT_GIVEN]) expect(seen).toContain(n)
  expect(amountIn(seen).sort()).toEqual(['43210', '87654', '98765'])
  expect((await fetch(detail.body.data.photos[0].url)).status).toBe(200)
  // …and the member themself.
  expect(JSON.stringify((await app.call('hardship.get', { id: requestId }, 'demo-member')).body)).toContain(DESCRIPTION)
})

const OUTSIDERS = [
  ['a leader who did not report it', 'demo-leader'],
  ['an admin without the review role', 'demo-admin'],
  ['a redeemer', 'demo-redeemer'],
  ['an auditor', 'demo-auditor'],
  ["another union's admin", 'other-admin'],
] as const

describe.each(OUTSIDERS)('%s', (_who, openid) => {
  it('finds nothing of the request or the file in any answer of any action, exports included', async () => {
    const found: string[] = []
    opened.length = 0
    for (const name of Object.keys(INPUTS) as ActionName[]) {
      const { body } = await app.call(name, INPUTS[name](), openid)
      // The money trail (经费审查) shows aid amounts by line, with no name, text or photo: readers of the
      // books are checked for everything but the amounts there.
      const books = MONEY_TRAIL.has(name) && (openid === 'demo-admin' || openid === 'demo-auditor')
      const text = await readable(name, body)
      const hit = books ? needles.filter((n) => text.includes(n)) : leaks(text)
      if (hit.length) found.push(`${name}: ${hit.join(', ')}`)
    }
    expect(found).toEqual([])
    // The admin's exports (invites, 信息中心's roster and the event's attendee list and the cake vouchers with 刘洋, the settlement, the funds report) were opened and read.
    if (openid === 'demo-admin')
      expect(opened.sort()).toEqual([
        'activity.export（含刘洋）',
        'benefit.export（含刘洋）',
        'benefit.settlement',
        'funds.report',
        'group.exportRoster（含刘洋）',
        'member.exportInvites',
      ])
  })

  it('is told the request does not exist, exactly as for one that does not', async () => {
    const real = await app.call('hardship.get', { id: requestId }, openid)
    const none = await app.call('hardship.get', { id: 'f'.repeat(32) }, openid)
    expect(real.body).toEqual(none.body)
    expect(real.body.error.code).toBe('NOT_FOUND')
  })
})

it('the admin’s member views and rosters carry no hardship data at all', async () => {
  const detail = await app.call('member.get', { id: 'demo-member-04' }, 'demo-admin')
  expect(Object.keys(detail.body.data).sort()).toEqual([
    'birthday',
    'bound',
    'department',
    'departmentId',
    'gender',
    'grants',
    'id',
    'joinDate',
    'memberNo',
    'name',
    'phone',
    'status',
  ])
  const roster = await app.call('member.list', { keyword: '刘洋' }, 'demo-admin')
  expect(Object.keys(roster.body.data.items[0]).sort()).toEqual(['bound', 'department', 'departmentId', 'gender', 'id', 'memberNo', 'name', 'phone', 'status'])
})
