import { BIND_LABELS } from './member.fields'

/** Chinese names of input fields, used to word validation messages for members. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...BIND_LABELS,
  action: '操作',
  data: '参数',
  gender: '性别',
  department: '部门',
  phone: '手机号',
  birthday: '生日',
  joinDate: '入会日期',
  status: '状态',
  keyword: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  id: '编号',
  departmentId: '部门',
  code: '邀请码',
  grants: '角色',
  role: '角色',
  scope: '范围',
  memberIds: '会员',
  fileId: '文件',
  fileName: '文件名',
  jobId: '导入任务',
  unusedOnly: '只看未使用',
  description: '简介',
  joinPolicy: '加入方式',
  sizeLimit: '人数上限',
  leaderIds: '组长',
  shareContact: '同意组长查看手机号',
  approve: '是否同意',
  reason: '原因',
  toMemberId: '接任组长',
  title: '标题',
  date: '日期',
  text: '内容',
  photoFileIds: '照片',
}

/**
 * A field's label: by its path with indices left out (`options.name`, where a gift's name is not the
 * campaign's), else by its name — the action's own labels first, then the common ones.
 */
export const labelFor = (path: readonly PropertyKey[], overrides: Readonly<Record<string, string>> = {}): string => {
  const names = path.filter((p): p is string => typeof p === 'string')
  const last = names[names.length - 1]
  // Own keys only: a path segment such as `constructor` must not find Object's function.
  const own = (table: Readonly<Record<string, string>>, key: string | undefined) =>
    key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
  return own(overrides, names.join('.')) ?? own(overrides, last) ?? own(FIELD_LABELS, last) ?? last ?? '内容'
}
