import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMutation, usePagedQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { PagedList } from '../../../components/PagedList'
import { ExportButton } from '../../../components/ExportButton'
import { Button } from '../../../ui/nutui'
import { isDenied } from '../shared/AdminGate'
import '../shared/admin.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'
import { COLORS } from '../../../styles/colors'

/** 邀请码: one-time codes for members who have not bound WeChat yet; generate, export, copy. */
export default function InvitesPage() {
  const list = usePagedQuery('member.listInvites', { unusedOnly: true })
  const m = useMutation<'create'>()

  const create = async () => {
    if (m.busy) return
    const { confirm } = await Taro.showModal({
      title: '生成邀请码',
      content: '将为所有还没有绑定微信、也没有有效邀请码的会员各生成一个邀请码，30 天内有效。',
      confirmText: '生成',
      confirmColor: COLORS.brand,
    })
    if (!confirm) return
    await m.run(
      'create',
      async () => {
        const { created } = await callAction('member.createInvites', {})
        void Taro.showToast({ title: created ? `已生成 ${created} 个邀请码` : '未绑定的会员都已有邀请码', icon: created ? 'success' : 'none' })
        await list.reload()
      },
      { invalidates: ['member'] },
    )
  }

  const copy = (code: string) => {
    void Taro.setClipboardData({ data: code }).then(() => Taro.showToast({ title: '邀请码已复制', icon: 'none' }))
  }

  return (
    <View className="page page-admin-invites">
      <PageHeader title="邀请码" subtitle={list.loading || list.error ? undefined : `${list.total} 个未使用的邀请码`} />
      {isDenied(list.error) ? null : (
        <>
          <View className="invites-intro">把邀请码发给还没绑定微信的会员，在小程序「绑定会员身份」里输入即可。每个码只能用一次，30 天内有效。</View>
          <View className="invites-actions">
            <Button className="invites-create" type="primary" size="small" loading={m.busy === 'create'} onClick={() => void create()}>
              为未绑定会员生成
            </Button>
            <ExportButton
              className="invites-export"
              action="member.exportInvites"
              input={{}}
              empty="没有未使用的邀请码可以导出"
              fill="outline"
              disabled={!list.total}
            >
              导出表格
            </ExportButton>
          </View>
        </>
      )}

      <PagedList
        list={list}
        name="invites"
        footerClass="admin-footer"
        loadingRows={4}
        art="me"
        empty={{ title: '还没有未使用的邀请码', description: '点上方「为未绑定会员生成」，为每位还没绑定微信的会员生成一个' }}
        itemKey={(i) => i.code}
        renderItem={(i) => (
          <View className="invite-row" data-code={i.code}>
            <View className="invite-row__body">
              <View className="invite-row__name">
                {i.name}
                <View className="invite-row__department">{i.department}</View>
              </View>
              <View className="invite-row__code">{i.code}</View>
              <View className="invite-row__expires">有效期至 {calendarDayText(i.expiresAt, new Date())}</View>
            </View>
            <View className="invite-row__copy" onClick={() => copy(i.code)}>
              复制
            </View>
          </View>
        )}
      />
    </View>
  )
}
