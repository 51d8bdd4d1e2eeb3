import { View } from '@tarojs/components'
import { PageHeader } from '../../../components/PageHeader'
import { EntryList } from '../../../components/EntryList'
import { ROUTES } from '../../../constants/routes'
import { AdminGate } from '../shared/AdminGate'
import './index.scss'

/** Sections of the admin home; later features (活动、福利、经费) add theirs. */
const SECTIONS = [
  {
    title: '会员管理',
    entries: [
      { key: 'members', text: '会员名册', hint: '查找、修改会员信息，设置角色', url: ROUTES.adminMembers },
      { key: 'import', text: '导入名册', hint: '上传 Excel 或 CSV 名单，批量新增和更新', url: ROUTES.adminImport },
      { key: 'invites', text: '邀请码', hint: '为未绑定的会员生成邀请码，导出发放', url: ROUTES.adminInvites },
      { key: 'card-check', text: '核验会员证', hint: '扫会员的电子会员证或输入 6 位数字，看姓名、部门和会员状态', url: ROUTES.adminCardCheck },
    ],
  },
  {
    title: '工会信息',
    entries: [{ key: 'union', text: '工会联系方式', hint: '办公室电话和地点，会员在「我的 → 联系工会」看到', url: ROUTES.adminUnion }],
  },
  {
    title: '小组管理',
    entries: [{ key: 'groups', text: '兴趣小组', hint: '新建兴趣小组、选定组长，修改简介和人数上限', url: ROUTES.adminGroups }],
  },
  {
    title: '福利',
    entries: [{ key: 'benefits', text: '福利发放', hint: '生日蛋糕券、节日慰问品：发放、领取进度、导出、代领', url: ROUTES.adminCampaigns }],
  },
  {
    title: '经费',
    entries: [{ key: 'funds', text: '经费管理', hint: '预算编制与执行、台账、报销审批、审计记录、年度结账', url: ROUTES.funds }],
  },
  {
    title: '帮扶慰问',
    entries: [{ key: 'hardship-policy', text: '帮扶慰问标准', hint: '五要访、五要贺等类别的金额上限和次数，修改留痕', url: ROUTES.adminHardshipPolicy }],
  },
] as const

/** 管理后台: admins only (the link on 我的 is shown to admins; the server checks every action again). */
export default function AdminHomePage() {
  return (
    <View className="page page-admin">
      <PageHeader title="管理后台" />
      <AdminGate>
        {(me) => (
          <>
            <View className="admin-whoami">
              {me.union.name} · {me.member.name}
            </View>
            {SECTIONS.map((section) => (
              <View key={section.title}>
                <View className="admin-section-title">{section.title}</View>
                <EntryList name="admin" entries={section.entries} />
              </View>
            ))}
          </>
        )}
      </AdminGate>
    </View>
  )
}
