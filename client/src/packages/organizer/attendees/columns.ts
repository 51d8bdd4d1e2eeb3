import { ATTENDEE_COLUMNS as STANDARD, type SignUpField } from '@shared/domain/activity'

export interface ExportColumn {
  readonly key: string
  readonly label: string
}

/** 姓名, 部门, 状态, 报名时间, 签到时间, then the event's own questions by their key. */
export const exportColumnsOf = (fields: readonly Pick<SignUpField, 'key' | 'label'>[]): ExportColumn[] => [
  ...Object.entries(STANDARD).map(([key, label]) => ({ key, label })),
  ...fields.map((f) => ({ key: f.key, label: f.label })),
]
