import { localDb } from '../support/local-db'
import { upload as uploadFile } from '../support/uploads'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { DEMO_MEMBERS } from '../../emulator/app-host/demo-data'
import { readRosterFile } from '../../cloudfunctions/_lib/roster-file'
import { appServerForFile } from '../support/app-server'
import { seedOtherUnion } from '../support/other-union'
import { writeCount } from '../support/write-count'

const app = appServerForFile()
const db = localDb()

const HEADER = '姓名,性别,部门,会员编号,手机号,生日,入会日期,状态'
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n'

/** Puts a file into local cloud storage the way the h5 app does, and answers its fileId. */
const upload = (name: string, content: Buffer | string, as = 'demo-admin') => uploadFile(app, as, name, content)

async function check(fileName: string, content: Buffer | string, as = 'demo-admin') {
  return (await app.call('member.importCheck', { fileId: await upload(fileName, content), fileName }, as)).body
}

/** Calls apply until done, as the admin's page does; answers the calls made and the progress seen. */
async function applyAll(jobId: string, as = 'demo-admin') {
  const seen: { processed: number; total: number; done: boolean }[] = []
  for (let calls = 1; calls <= 200; calls++) {
    const body = (await app.call('member.importApply', { jobId }, as)).body
    if (!body.ok) throw new Error(`apply failed: ${JSON.stringify(body)}`)
    seen.push(body.data)
    if (body.data.done) return { calls, seen, last: body.data }
  }
  throw new Error('apply never finished')
}

const members = async (where: object) =>
  (
    await db
      .collection('members')
      .where({ unionId: 'demo-union', ...where })
      .limit(1000)
      .get()
  ).data as Record<string, any>[]
const departmentsNamed = async (name: string) => (await db.collection('departments').where({ unionId: 'demo-union', name }).get()).data as { _id: string }[]

const 朱红 = DEMO_MEMBERS.find((m) => m.name === '朱红')!
const 李娜 = DEMO_MEMBERS.find((m) => m.name === '李娜')!

// The story of one roster: a file with a mistake, the fix, a re-import, an edit.
const GOOD = csv(
  '王小明,男,工会办公室,IM001,13800000001,5月12日,2020-03-01,在职',
  '陈小红,女,工会办公室,IM002,13800000002,,2021/7/1,',
  '刘大力,男,办公室,IM003,,,,',
  // An existing member with a new phone number.
  `${李娜.name},女,${李娜.departmentName},${李娜.memberNo},13600000002,,,`,
  // A retired member whose 状态 cell is left blank stays 退休.
  `${朱红.name},,${朱红.departmentName},${朱红.memberNo},,,,`,
)

describe('importing the roster from CSV', () => {
  let goodJob = ''

  it('a dry run lists each bad row by row, column and reason, and such a file cannot be applied', async () => {
    const report = await check('名册.csv', GOOD.replace('13800000002', '1380000'))
    expect(report.ok).toBe(true)
    expect(report.data).toMatchObject({
      fileName: '名册.csv',
      total: 5,
      valid: 4,
      problems: [{ row: 3, column: '手机号', message: '手机号应为 11 位数字，不是「1380000」' }],
      problemCount: 1,
      canApply: false,
    })
    const before = writeCount(app.stats)
    const applied = (await app.call('member.importApply', { jobId: report.data.jobId }, 'demo-admin')).body
    expect(applied).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这份名单还有 1 处问题，不能导入，请按检查结果改好后重新上传' } })
    expect(writeCount(app.stats) - before).toBe(0)
    expect(await members({ memberNo: 'IM001' })).toEqual([])
  })

  it('the fixed file creates and updates members, and creates a new department once', async () => {
    const report = (await check('名册.csv', GOOD)).data
    expect(report).toMatchObject({
      total: 5,
      valid: 5,
      problems: [],
      problemCount: 0,
      toCreate: 3,
      toUpdate: 1,
      unchanged: 1,
      newDepartments: ['工会办公室'],
      canApply: true,
    })
    goodJob = report.jobId
    const { last } = await applyAll(goodJob)
    expect(last).toEqual({ jobId: goodJob, processed: 4, total: 4, done: true })

    const [dept] = await departmentsNamed('工会办公室')
    expect(await departmentsNamed('工会办公室')).toHaveLength(1)
    const [wang] = await members({ memberNo: 'IM001' })
    expect(wang).toMatchObject({
      name: '王小明',
      gender: '男',
      departmentId: dept._id,
      departmentName: '工会办公室',
      phone: '13800000001',
      birthday: '05-12',
      joinDate: '2020-03-01',
      status: '在职',
    })
    expect(wang.createdAt).toBeInstanceOf(Date)
    expect(wang.updatedAt).toBeInstanceOf(Date)
    const [liu] = await members({ memberNo: 'IM003' })
    expect(liu).toMatchObject({ departmentId: 'demo-dept-1', departmentName: '办公室', phone: '', gender: '男', status: '在职' })
    expect(liu.birthday).toBeUndefined()
    expect((await members({ memberNo: 'IM002' }))[0]).toMatchObject({ gender: '女', joinDate: '2021-07-01', status: '在职' })
    expect((await members({ memberNo: 李娜.memberNo }))[0]).toMatchObject({ _id: 李娜._id, phone: '13600000002', departmentId: 李娜.departmentId })
    expect((await members({ memberNo: 朱红.memberNo }))[0]).toMatchObject({ status: '退休', phone: 朱红.phone })
    expect(await db.collection('import_chunks').where({ jobId: goodJob }).count()).toMatchObject({ total: 0 })
  })

  it('a retried apply after done answers done and writes nothing', async () => {
    const before = writeCount(app.stats)
    const again = (await app.call('member.importApply', { jobId: goodJob }, 'demo-admin')).body
    expect(again).toEqual({ ok: true, data: { jobId: goodJob, processed: 4, total: 4, done: true } })
    expect(writeCount(app.stats) - before).toBe(0)
  })

  it('importing the same file again finds nothing to do and writes no member', async () => {
    const before = writeCount(app.stats)
    const report = (await check('名册.csv', GOOD)).data
    expect(report).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 5, newDepartments: [], canApply: false, problemCount: 0 })
    expect(writeCount(app.stats) - before).toBe(1) // the job record, nothing else
    const afterCheck = writeCount(app.stats)
    expect((await app.call('member.importApply', { jobId: report.jobId }, 'demo-admin')).body.data).toMatchObject({ done: true, processed: 0, total: 0 })
    expect(writeCount(app.stats) - afterCheck).toBe(0)
  })

  it('an edited file updates the changed member by 会员编号 and leaves members not in the file alone', async () => {
    const [before] = await members({ memberNo: 'IM002' })
    const countBefore = (await db.collection('members').where({ unionId: 'demo-union' }).count()).total
    const report = (await check('名册-改.csv', GOOD.replace('13800000002', '13900000002'))).data
    expect(report).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 4, canApply: true })
    await applyAll(report.jobId)
    const [after] = await members({ memberNo: 'IM002' })
    expect(after.phone).toBe('13900000002')
    expect(after.createdAt).toEqual(before.createdAt)
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime())
    expect((await db.collection('members').where({ unionId: 'demo-union' }).count()).total).toBe(countBefore)
    expect((await members({ memberNo: 'GH2026001' }))[0]).toMatchObject({ name: '张伟', status: '在职' })
  })

  it('a member added by hand between check and apply is updated from the file, not duplicated', async () => {
    const report = (await check('名册.csv', csv('新来的,女,办公室,RC001,13855556666,,,'))).data
    expect(report.toCreate).toBe(1)
    await db.collection('members').doc('hand-made-rc001').set({
      unionId: 'demo-union',
      name: '新来的',
      gender: '女',
      departmentId: 'demo-dept-1',
      departmentName: '办公室',
      memberNo: 'RC001',
      phone: '13800000000',
      status: '在职',
    })
    expect((await applyAll(report.jobId)).last).toMatchObject({ processed: 1, done: true })
    const found = await members({ memberNo: 'RC001' })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ _id: 'hand-made-rc001', phone: '13855556666' })
  })
})

describe('other file formats', () => {
  it('imports an XLSX file with a title line, rich text and real date cells, numbering rows as the sheet does', async () => {
    const build = async (gender: string) => {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('会员名册')
      sheet.addRow(['2026 年会员名册'])
      sheet.addRow(HEADER.split(','))
      sheet.addRow([
        { richText: [{ text: '赵' }, { text: '一', font: { bold: true } }] },
        '男',
        '信息中心',
        'XL001',
        13811112222,
        '3月8日',
        new Date(Date.UTC(2019, 6, 1)),
        '在职',
      ])
      sheet.addRow(['钱二', gender, '信息中心', 'XL002', '13811113333', new Date(Date.UTC(1990, 11, 31)), '2018年5月20日', '退休'])
      sheet.getColumn(7).numFmt = 'yyyy-mm-dd'
      sheet.getColumn(6).numFmt = 'm月d日'
      return Buffer.from(await book.xlsx.writeBuffer())
    }
    const bad = (await check('名册.xlsx', await build('未知'))).data
    expect(bad.problems).toEqual([{ row: 4, column: '性别', message: '性别应为「男」或「女」，不是「未知」' }])

    const report = (await check('名册.xlsx', await build('女'))).data
    expect(report).toMatchObject({ total: 2, valid: 2, problemCount: 0, toCreate: 2, canApply: true })
    await applyAll(report.jobId)
    expect((await members({ memberNo: 'XL001' }))[0]).toMatchObject({
      name: '赵一',
      phone: '13811112222',
      birthday: '03-08',
      joinDate: '2019-07-01',
      departmentId: 'demo-dept-4',
    })
    expect((await members({ memberNo: 'XL002' }))[0]).toMatchObject({ name: '钱二', birthday: '12-31', joinDate: '2018-05-20', status: '退休' })
  })

  it('imports a GBK-encoded CSV as Excel saves it on Chinese Windows', async () => {
    const content = iconv.encode(csv('孙悟空,男,后勤服务中心,GB001,13822223333,,,'), 'gbk')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(content)).toThrow()
    const report = (await check('名册.csv', content)).data
    expect(report).toMatchObject({ problemCount: 0, toCreate: 1, canApply: true })
    await applyAll(report.jobId)
    expect((await members({ memberNo: 'GB001' }))[0]).toMatchObject({ name: '孙悟空', departmentName: '后勤服务中心' })
  })

  it('reads UTF-8 with a BOM and formula results', async () => {
    const bom = await readRosterFile('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('甲,男,办公室,A1,,,,'))]))
    expect(bom.header[0]).toBe('姓名')
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('s')
    sheet.addRow(HEADER.split(','))
    sheet.addRow(['乙', '女', '办公室', { formula: '"F"&"1"', result: 'F1' }, null, null, { formula: 'DATE(2020,3,1)', result: 43891 }, '在职'])
    sheet.getCell('G2').numFmt = 'yyyy/m/d'
    const xlsx = await readRosterFile('a.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    expect(xlsx.rows[0][3]).toBe('F1')
    expect(xlsx.rows[0][6]).toEqual(new Date(Date.UTC(2020, 2, 1)))
  })

  it('reads the first visible worksheet of several', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('说明', { state: 'hidden' }).addRow(['这里是填写说明'])
    book.addWorksheet('名册').addRow(HEADER.split(','))
    book.getWorksheet('名册')!.addRow(['丙', '男', '办公室', 'S1'])
    book.addWorksheet('备用').addRow(['别的内容'])
    const sheet = await readRosterFile('a.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    expect(sheet.header[0]).toBe('姓名')
    expect(sheet.rows).toEqual([['丙', '男', '办公室', 'S1']])
  })
})

describe('files that cannot be imported', () => {
  const reason = async (fileName: string, content: Buffer | string) => (await check(fileName, content)).error

  it('a name that is not .csv or .xlsx is refused by the contract', async () => {
    const fileId = await upload('名册.txt', csv('甲,男,办公室,A1,,,,'))
    for (const fileName of ['名册.txt', '名册.xls', '名册']) {
      expect((await app.call('member.importCheck', { fileId, fileName }, 'demo-admin')).body.error).toMatchObject({ code: 'INVALID_ARGUMENT' })
    }
  })

  it('empty files, header-only files and content that does not match the name are explained', async () => {
    expect(await reason('名册.csv', '')).toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: '文件是空的' }))
    expect(await reason('名册.csv', '\r\n,,,\r\n')).toMatchObject({ code: 'INVALID_ARGUMENT', message: '文件里没有任何内容，请检查后重新上传' })
    expect(await reason('名册.csv', csv())).toMatchObject({ code: 'INVALID_ARGUMENT', message: '文件里只有表头，没有会员数据，请从第 2 行起每行填写一位会员' })
    expect((await reason('名册.xlsx', csv('甲,男,办公室,A1,,,,'))).message).toMatch(/^文件内容不是 Excel（\.xlsx）格式/)
    expect((await reason('名册.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).message).toMatch(
      /旧版 Excel（\.xls）格式或设置了打开密码/,
    )
    expect((await reason('名册.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]))).message).toMatch(/^无法读取这个 Excel 文件/)
    expect((await reason('名册.csv', Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()))).message).toMatch(/不是 CSV 文本/)
    expect((await reason('名册.csv', csv('"甲,男,办公室,A1,,,,'))).message).toMatch(/引号（"）不成对/)
  })

  it('a header without a required column is reported as a problem of the header', async () => {
    const report = (await check('名册.csv', '\r\n姓名,部门\r\n甲,办公室\r\n')).data
    expect(report).toMatchObject({ total: 1, valid: 0, problems: [{ row: 2, column: '表头', message: '缺少「会员编号」列' }], canApply: false })
  })

  it('files over 10 MB or 60,000 rows are refused', async () => {
    expect(await reason('名册.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '文件太大了，不能超过 10 MB',
    })
    const rows = Array.from({ length: 60_001 }, (_, i) => `甲,,办公室,B${i},,,,`)
    expect(await reason('名册.csv', csv(...rows))).toMatchObject({ code: 'INVALID_ARGUMENT', message: '名单超过 60000 行，请分成几个文件分别导入' })
  })
})

describe('who may import', () => {
  it('a member who is not an admin can neither check nor apply, and nothing is written', async () => {
    const fileId = await upload('名册.csv', csv('甲,男,办公室,NA001,,,,'), 'demo-member')
    const before = writeCount(app.stats)
    expect((await app.call('member.importCheck', { fileId, fileName: '名册.csv' }, 'demo-member')).body.error).toMatchObject({ code: 'FORBIDDEN' })
    expect((await app.call('member.importApply', { jobId: 'whatever' }, 'demo-member')).body.error).toMatchObject({ code: 'FORBIDDEN' })
    expect(writeCount(app.stats) - before).toBe(0)
  })

  it("an admin of another union cannot apply this union's import", async () => {
    const other = await seedOtherUnion()
    const report = (await check('名册.csv', csv('甲,男,办公室,OU001,,,,'))).data
    expect(report.canApply).toBe(true)
    const before = writeCount(app.stats)
    const refused = (await app.call('member.importApply', { jobId: report.jobId }, other.adminOpenid)).body
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这次导入，请重新上传名单' } })
    expect(writeCount(app.stats) - before).toBe(0)
    expect(await members({ memberNo: 'OU001' })).toEqual([])
    expect((await db.collection('members').where({ unionId: 'other-union', memberNo: 'OU001' }).count()).total).toBe(0)
  })
})

describe('large files', () => {
  const rows = (prefix: string, n: number, dept: string) =>
    Array.from(
      { length: n },
      (_, i) => `会员${i},${i % 2 ? '男' : '女'},${dept},${prefix}${String(i).padStart(5, '0')},139${String(i).padStart(8, '0')},,2015-01-01,`,
    )

  it('two applies of one job at the same time write each member once and finish with the right totals', async () => {
    const report = (await check('名册.csv', csv(...rows('CC', 1_200, '并发测试部')))).data
    expect(report).toMatchObject({ toCreate: 1_200, newDepartments: ['并发测试部'], canApply: true })
    const [a, b] = await Promise.all([applyAll(report.jobId), applyAll(report.jobId)])
    expect(a.last).toEqual({ jobId: report.jobId, processed: 1_200, total: 1_200, done: true })
    expect(b.last).toEqual(a.last)
    expect(await departmentsNamed('并发测试部')).toHaveLength(1)
    // (unionId, memberNo) is unique, so the count is also the number of distinct members.
    expect((await db.collection('members').where({ unionId: 'demo-union', departmentName: '并发测试部' }).count()).total).toBe(1_200)
  })

  it('imports 5,000 rows over several calls, with progress that only moves forward', async () => {
    const report = (await check('名册.csv', csv(...rows('BIG', 5_000, '批量测试部')))).data
    expect(report).toMatchObject({ total: 5_000, toCreate: 5_000, canApply: true })
    const { calls, seen, last } = await applyAll(report.jobId)
    expect(calls).toBeGreaterThanOrEqual(3) // at most 4 chunks of 500 per call
    expect(seen.map((p) => p.processed)).toEqual([...seen.map((p) => p.processed)].sort((x, y) => x - y))
    expect(last).toMatchObject({ processed: 5_000, total: 5_000, done: true })
    expect((await db.collection('members').where({ unionId: 'demo-union', departmentName: '批量测试部' }).count()).total).toBe(5_000)
  }, 30_000)
})
