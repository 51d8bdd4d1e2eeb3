/** The hardship forms' checks: the member's ask, the reviewer's decision, payment, file and visit, the admin's standards. */
import type { AidCategoryView, HardshipPolicyView, HardshipRequestDetail } from '@shared/contract'
import { capText, DEFAULT_CATEGORIES, frequencyText } from '@shared/domain/hardship'
import { askFromRequest, checkAsk, emptyAsk, photosOf, REQUEST_PHOTOS } from '../../client/src/pages/hardship/form'
import { toPhotos } from '../../client/src/components/photos/photo-model'
import {
  addMonths,
  checkApproval,
  checkFile,
  checkPayment,
  checkReason,
  checkVisit,
  decisionFormOf,
  newFileForm,
  newVisitForm,
} from '../../client/src/packages/reviewer/shared/forms'
import { categoriesOf, newRow, rowsOf } from '../../client/src/packages/admin/hardship-policy/form'

const categories: AidCategoryView[] = DEFAULT_CATEGORIES.map((c) => ({ ...c, capText: capText(c), frequencyText: frequencyText(c) }))
const ask = (over = {}) => ({ ...emptyAsk(), category: 'hospital', description: ' 住院一周 ', contact: ' 手机 ', ...over })

describe('the member’s ask', () => {
  it('names every missing field before anything is sent', () => {
    expect(checkAsk(emptyAsk(), categories)).toEqual({
      errors: { category: '请选择申请类别', description: '请说明情况，例如何时、因何住院', contact: '请留下联系方式，方便工会联系您' },
    })
    expect(checkAsk({ ...ask(), forColleague: true }, categories)).toEqual({ errors: { colleague: '请选择为哪位同事申报' } })
  })

  it('takes 元 with up to two decimals, never above the standard, in the server’s words', () => {
    expect(checkAsk(ask({ amount: '800.5' }), categories)).toEqual({
      fields: { category: 'hospital', description: '住院一周', amountFen: 80_050, contact: '手机' },
    })
    expect(checkAsk(ask({ amount: '' }), categories)).toMatchObject({ fields: { amountFen: null } })
    expect(checkAsk(ask({ amount: '1000.01' }), categories)).toEqual({ errors: { amount: '「生病住院」的标准是每次不超过 1,000.00 元，申请金额不能超过标准' } })
    expect(checkAsk(ask({ amount: '八百' }), categories)).toEqual({ errors: { amount: '金额请填写数字，最多两位小数，如 800 或 800.50' } })
    expect(checkAsk(ask({ amount: '0' }), categories)).toEqual({ errors: { amount: '金额要大于 0；不确定可以不填，按标准核定' } })
    // No standard set yet: any sum may be asked; the union decides.
    expect(checkAsk(ask({ category: 'family-hardship', amount: '5000' }), categories)).toMatchObject({ fields: { amountFen: 500_000 } })
  })

  it('files for a colleague by their id', () => {
    expect(checkAsk(ask({ forColleague: true, colleague: { id: 'm5', name: '陈静', department: '财务科' } }), categories)).toMatchObject({
      fields: { forMemberId: 'm5' },
    })
  })

  it('a returned request opens with what it had', () => {
    const r = { category: 'marriage', description: '登记结婚', amountAskedFen: 50_000, contact: '手机', forMe: false } as HardshipRequestDetail
    expect(askFromRequest(r)).toEqual({
      forColleague: false,
      colleague: null,
      category: 'marriage',
      description: '登记结婚',
      amount: '500.00',
      contact: '手机',
    })
  })

  it('keeps only images under 5 MB, six at most, and says what was left out', () => {
    const file = (name: string, size = 1000, type = 'image/jpeg') => ({
      path: `blob:${name}`,
      size,
      originalFileObj: Object.assign(new Blob(['x'], { type }), { name }),
    })
    const picked = toPhotos(
      [file('a.jpg'), file('b.png', 1000, 'image/png'), file('scan.pdf', 1000, 'application/pdf'), file('huge.jpg', 6 * 1024 * 1024)],
      0,
      REQUEST_PHOTOS,
    )
    expect(picked.photos.map((p) => p.name)).toEqual(['a.jpg', 'b.png'])
    expect(picked.refused).toBe('只能上传 JPG、PNG 或 WEBP 格式的照片，有 1 个文件没有加入')
    expect(toPhotos([file('huge.jpg', 6 * 1024 * 1024)], 0, REQUEST_PHOTOS).refused).toBe('每张照片不能超过 5 MB，有 1 张没有加入')
    const many = toPhotos([file('1.jpg'), file('2.jpg'), file('3.jpg')], 4, REQUEST_PHOTOS)
    expect(many.photos).toHaveLength(2)
    expect(many.refused).toBe('最多 6 张照片')
    // weapp: a temporary path, no File.
    expect(toPhotos([{ path: 'http://tmp/wx123.jpg', size: 2000 }], 0, REQUEST_PHOTOS).photos[0]).toMatchObject({
      name: 'wx123.jpg',
      path: 'http://tmp/wx123.jpg',
    })
    // By the name's extension, and by the type when there is one.
    expect(toPhotos([{ path: 'http://tmp/wx123.gif', size: 2000 }], 0, REQUEST_PHOTOS).refused).toBe(
      '只能上传 JPG、PNG 或 WEBP 格式的照片，有 1 个文件没有加入',
    )
    expect(toPhotos([file('fake.jpg', 1000, 'image/gif')], 0, REQUEST_PHOTOS).photos).toHaveLength(0)
  })

  it('a returned request keeps its photos as uploaded (shown by their link, not uploaded again)', () => {
    const r = { photos: [{ fileId: 'cloud://e/uploads/x/1.jpg', url: 'http://local/1.jpg?sign=abc' }] }
    const [photo] = photosOf(r)
    expect(photo).toMatchObject({ name: 'cloud://e/uploads/x/1.jpg', preview: 'http://local/1.jpg?sign=abc', fileId: 'cloud://e/uploads/x/1.jpg' })
    expect(photo.path).toBeUndefined()
    expect(photo.blob).toBeUndefined()
  })
})

describe('the reviewer’s forms', () => {
  const request = (over: Partial<HardshipRequestDetail> = {}) =>
    ({
      id: 'r1',
      categoryName: '生病住院',
      capFen: 100_000,
      amountAskedFen: 120_000,
      caseLabel: null,
      caseLabelName: '病种',
      frequencyText: '每个病种每年 1 次',
      ...over,
    }) as HardshipRequestDetail

  it('starts the amount from what was asked, else the standard', () => {
    expect(decisionFormOf(request()).amount).toBe('1200.00')
    expect(decisionFormOf(request({ amountAskedFen: null })).amount).toBe('1000.00')
    expect(decisionFormOf(request({ amountAskedFen: null, capFen: null })).amount).toBe('')
  })

  it('approves within the standard, with the case named for per-case categories', () => {
    expect(checkApproval(request(), { amount: '1200', caseLabel: '', opinion: '' })).toEqual({
      errors: { amount: '超过了「生病住院」的标准：每次不超过 1,000.00 元', caseLabel: '请填写病种，用于按「每个病种每年 1 次」核对' },
    })
    expect(checkApproval(request(), { amount: '800', caseLabel: ' 肺炎 ', opinion: ' 按标准 ' })).toEqual({
      input: { amountFen: 80_000, caseLabel: '肺炎', note: '按标准' },
    })
    expect(checkApproval(request({ caseLabelName: '' }), { amount: '300', caseLabel: '', opinion: '' })).toEqual({ input: { amountFen: 30_000, note: '' } })
    expect(checkApproval(request({ capFen: null, categoryName: '子女上大学' }), { amount: '300', caseLabel: '长子', opinion: '' })).toEqual({
      errors: { amount: '「子女上大学」还没有设定标准，请工会管理员先在帮扶政策中设定' },
    })
  })

  it('returning and rejecting need a reason the applicant reads', () => {
    expect(checkReason({ amount: '', caseLabel: '', opinion: ' ' }, 'return')).toEqual({ errors: { opinion: '请写明需要补充什么材料' } })
    expect(checkReason({ amount: '', caseLabel: '', opinion: '' }, 'reject')).toEqual({ errors: { opinion: '请写明不予批准的原因' } })
    expect(checkReason({ amount: '', caseLabel: '', opinion: ' 请补充出院小结 ' }, 'return')).toEqual({ reason: '请补充出院小结' })
  })

  it('records a payment made today or before', () => {
    expect(checkPayment({ method: 'bank', paidOn: '2026-11-22', note: '' }, '2026-11-21')).toEqual({ error: '发放日期不能晚于今天' })
    expect(checkPayment({ method: 'cash', paidOn: '2026-11-21', note: ' 现场 ' }, '2026-11-21')).toEqual({
      input: { method: 'cash', paidOn: '2026-11-21', note: '现场' },
    })
  })

  it('opens a file with a review in six months, and checks its dates', () => {
    expect(newFileForm('2026-08-31')).toMatchObject({ since: '2026-08-31', nextReviewOn: '2027-02-28', level: '一般困难' })
    expect(addMonths('2026-11-21', 14)).toBe('2028-01-21')
    expect(checkFile({ ...newFileForm('2026-01-01'), reason: '' })).toEqual({ errors: { reason: '请写明困难原因' } })
    expect(checkFile({ ...newFileForm('2026-01-01'), reason: '配偶重病', nextReviewOn: '2025-12-31' })).toEqual({
      errors: { nextReviewOn: '下次复核日期要晚于建档日期' },
    })
  })

  it('records a visit: who went, what was given, an optional sum', () => {
    expect(checkVisit(newVisitForm('2026-11-21'), '2026-11-21')).toEqual({ errors: { visitors: '请填写走访人', given: '请填写送去的慰问金或慰问品' } })
    expect(checkVisit({ ...newVisitForm('2026-11-21'), visitors: '张伟', given: '米面油', amount: '300' }, '2026-11-21')).toEqual({
      input: { date: '2026-11-21', visitors: '张伟', given: '米面油', amountFen: 30_000, note: '' },
    })
    expect(checkVisit({ ...newVisitForm('2026-11-22'), visitors: '张伟', given: '米面油' }, '2026-11-21')).toEqual({ errors: { date: '走访日期不能晚于今天' } })
  })
})

describe('the admin’s standards editor', () => {
  const policy: HardshipPolicyView = { year: 2026, categories, version: 1, inheritedFrom: null, updatedAt: null, updatedBy: null }

  it('reads the standards into 元 and writes the same standards back', () => {
    const rows = rowsOf(policy)
    expect(rows[0]).toMatchObject({ name: '生病住院', cap: '1000.00', times: '1', per: 'case', caseLabel: '病种' })
    expect(rows.find((r) => r.key === 'college')?.cap).toBe('')
    expect(categoriesOf(rows)).toEqual({ categories: DEFAULT_CATEGORIES })
  })

  it('points at the row with the problem', () => {
    const rows = rowsOf(policy)
    expect(categoriesOf(rows.map((r, i) => (i === 1 ? { ...r, cap: '一千' } : r)))).toEqual({
      problem: { index: 1, message: '「直系亲属去世」的标准请填写 0.01 至 100,000.00 元，不设标准请留空' },
    })
    expect(categoriesOf(rows.map((r, i) => (i === 2 ? { ...r, times: '0' } : r)))).toEqual({
      problem: { index: 2, message: '「家庭特殊困难」的次数请填写 1 至 12' },
    })
    expect(categoriesOf([...rows, newRow()])).toEqual({ problem: { index: 8, message: '第 9 个类别缺少名称' } })
    expect(categoriesOf([...rows, { ...newRow(), name: '生病住院' }])).toEqual({ problem: { index: 8, message: '类别「生病住院」重复了' } })
    const added = categoriesOf([...rows, { ...newRow(), name: '子女入托', cap: '200', per: 'case', caseLabel: '子女', period: 'ever' }])
    expect('categories' in added && added.categories[8]).toMatchObject({
      name: '子女入托',
      capFen: 20_000,
      frequency: { times: 1, period: 'ever', per: 'case' },
      caseLabel: '子女',
    })
  })
})
