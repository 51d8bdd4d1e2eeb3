import { checkRoster, parseDate, parseMonthDay, ROSTER_COLUMNS } from '@shared/domain/roster'

const header = [...ROSTER_COLUMNS]
const row = (over: Partial<Record<(typeof ROSTER_COLUMNS)[number], string | Date>> = {}) =>
  ROSTER_COLUMNS.map(
    (c) =>
      ({ 姓名: '张伟', 性别: '男', 部门: '办公室', 会员编号: 'GH001', 手机号: '13912345678', 生日: '5月12日', 入会日期: '2020-03-01', 状态: '在职', ...over })[
        c
      ],
  )

describe('checkRoster', () => {
  it('accepts a clean row and normalises it', () => {
    expect(checkRoster(header, [row()])).toEqual({
      problems: [],
      rows: [
        {
          row: 2,
          name: '张伟',
          gender: '男',
          department: '办公室',
          memberNo: 'GH001',
          phone: '13912345678',
          birthday: '05-12',
          joinDate: '2020-03-01',
          status: '在职',
        },
      ],
    })
  })

  it('reports each problem with row, column and a Chinese reason, and leaves the row out', () => {
    const result = checkRoster(header, [
      row(),
      row({ 姓名: '', 会员编号: 'GH002' }),
      row({ 会员编号: 'GH001' }),
      row({ 会员编号: 'GH004', 入会日期: '2020-02-30' }),
      row({ 会员编号: 'GH005', 性别: '未知', 手机号: '12345', 状态: '在岗', 生日: '13月1日' }),
      row({ 会员编号: 'GH006', 部门: ' ' }),
    ])
    expect(result.rows.map((r) => r.memberNo)).toEqual(['GH001'])
    expect(result.problems).toEqual([
      { row: 3, column: '姓名', message: '姓名不能为空' },
      { row: 4, column: '会员编号', message: '会员编号 GH001 与第 2 行重复' },
      { row: 5, column: '入会日期', message: '入会日期看不懂：「2020-02-30」，请写成 2020-03-01' },
      { row: 6, column: '性别', message: '性别应为「男」或「女」，不是「未知」' },
      { row: 6, column: '手机号', message: '手机号应为 11 位数字，不是「12345」' },
      { row: 6, column: '生日', message: '生日看不懂：「13月1日」，请写成 5月12日 或 05-12' },
      { row: 6, column: '状态', message: '状态应为 在职、退休 或 离会，不是「在岗」' },
      { row: 7, column: '部门', message: '部门不能为空' },
    ])
  })

  it('names missing required columns once, as a header problem', () => {
    expect(checkRoster(['姓名', '手机号'], [['张伟', '13912345678']]).problems).toEqual([
      { row: 1, column: '表头', message: '缺少「部门」列' },
      { row: 1, column: '表头', message: '缺少「会员编号」列' },
    ])
  })

  it('accepts columns in any order, skips blank lines, and leaves a blank 状态 unset', () => {
    const result = checkRoster(
      ['会员编号', '部门', '姓名'],
      [
        ['GH9', '人事科', '李娜'],
        ['', '', ''],
        ['GH10', '人事科', '王芳'],
      ],
    )
    expect(result.problems).toEqual([])
    expect(result.rows.map((r) => [r.row, r.name, r.status])).toEqual([
      [2, '李娜', ''],
      [4, '王芳', ''],
    ])
  })
})

describe('dates people write', () => {
  it.each([
    ['5月12日', '05-12'],
    ['05-12', '05-12'],
    ['5/12', '05-12'],
    ['1990-05-12', '05-12'],
    ['1990年5月12日', '05-12'],
    ['2月29日', '02-29'],
  ])('birthday %j → %s', (input, expected) => expect(parseMonthDay(input)).toBe(expected))

  it.each(['2月30日', '0512', '五月十二', '13-01'])('birthday %j is refused', (input) => expect(parseMonthDay(input)).toBeNull())

  it('spreadsheet dates keep their calendar day', () => {
    expect(parseMonthDay(new Date(Date.UTC(1990, 4, 12)))).toBe('05-12')
    expect(parseDate(new Date(Date.UTC(2020, 2, 1)))).toBe('2020-03-01')
  })

  it.each([
    ['2020/3/1', '2020-03-01'],
    ['2020年3月1日', '2020-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('date %j → %s', (input, expected) => expect(parseDate(input)).toBe(expected))

  it.each(['2023-02-29', '1800-01-01', '2020-13-01', '20200301'])('date %j is refused', (input) => expect(parseDate(input)).toBeNull())
})
