import type { ReactNode } from 'react'
import { Picker, View } from '@tarojs/components'
import { ROLE_LABELS } from '@shared/domain/roles'
import { Button } from '../../../ui/nutui'
import { Checkbox } from '../shared/nutui'
import type { RolesForm } from './form'

type Named = { readonly id: string; readonly name: string }
type Toggle = 'admin' | 'reviewer' | 'auditor' | 'leader' | 'redeemer'

export interface RolesCardProps {
  roles: RolesForm
  onChange: (patch: Partial<RolesForm>) => void
  departments: readonly Named[]
  points: readonly Named[]
  error?: string
  saving: boolean
  onSave: () => void
}

/** 角色: a checkbox per role; 工会小组长 is for chosen departments, 核销员 for chosen points. */
export function RolesCard({ roles, onChange, departments, points, error, saving, onSave }: RolesCardProps) {
  const role = (key: Toggle, hint: string, scope?: ReactNode) => (
    <View className="member-role">
      <Checkbox className={`member-role-${key}`} checked={roles[key]} label={ROLE_LABELS[key]} onChange={(v) => onChange({ [key]: v })} />
      <View className="member-role__hint">{hint}</View>
      {roles[key] ? scope : null}
    </View>
  )
  return (
    <View className="admin-card member-roles">
      <View className="admin-card__title">角色</View>
      <View className="admin-card__note">每位会员都可以报名活动、领取福利；下面的角色另有管理权限。</View>
      {role('admin', '管理会员、活动、福利和帮扶标准（不含查看帮扶申请）')}
      {role('reviewer', '查看和审批帮扶、慰问申请，管理困难职工档案')}
      {role('auditor', '查看经费收支，不能修改')}
      {role(
        'leader',
        '负责所带部门会员的通知和慰问',
        <ScopeChips
          chosen={roles.leaderDepartments}
          options={departments}
          addClass="member-leader-add"
          addText="选择所带部门"
          onChange={(ids) => onChange({ leaderDepartments: ids })}
        >
          {roles.kept.map((g) => (
            <View key={`${g.scope?.kind}:${g.scope?.id}`} className="admin-tag member-role__chip">
              兴趣小组 {g.scope?.id}
            </View>
          ))}
        </ScopeChips>,
      )}
      {role(
        'redeemer',
        '在核销点为会员核销福利券',
        <ScopeChips
          chosen={roles.pointIds}
          options={points}
          addClass="member-point-add"
          addText="选择兑换点"
          none={points.length ? null : <View className="member-role__hint">还没有兑换点，请先在「福利发放」里添加</View>}
          onChange={(ids) => onChange({ pointIds: ids })}
        />,
      )}
      {error ? <View className="admin-field__error member-roles-error">{error}</View> : null}
      <View className="admin-actions">
        <Button className="member-save-roles" type="primary" fill="outline" block loading={saving} onClick={onSave}>
          保存角色
        </Button>
      </View>
    </View>
  )
}

interface ScopeChipsProps {
  chosen: readonly string[]
  options: readonly Named[]
  addClass: string
  addText: string
  /** Instead of the picker when every option is chosen. */
  none?: ReactNode
  onChange: (ids: string[]) => void
  /** Chips this screen shows but does not edit. */
  children?: ReactNode
}

/** The departments or points a role is for: a chip each (tap to remove) and a picker for one more. */
function ScopeChips({ chosen, options, addClass, addText, none = null, onChange, children }: ScopeChipsProps) {
  const left = options.filter((o) => !chosen.includes(o.id))
  return (
    <View className="member-role__scope">
      {chosen.map((id) => (
        <View key={id} className="admin-tag admin-tag--primary member-role__chip" onClick={() => onChange(chosen.filter((x) => x !== id))}>
          {options.find((o) => o.id === id)?.name ?? id} ×
        </View>
      ))}
      {children}
      {left.length ? (
        <Picker
          mode="selector"
          range={left.map((o) => o.name)}
          onChange={(e) => {
            const picked = left[Number(e.detail.value)]
            if (picked) onChange([...chosen, picked.id])
          }}
        >
          <View className={`member-role__add ${addClass}`}>＋ {addText}</View>
        </Picker>
      ) : (
        none
      )}
    </View>
  )
}
