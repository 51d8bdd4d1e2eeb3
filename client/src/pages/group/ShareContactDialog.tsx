import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { JoinPolicy } from '@shared/contract'
import { Checkbox, Dialog } from '../../ui/nutui'

export interface ShareContactDialogProps {
  visible: boolean
  groupName: string
  joinPolicy: JoinPolicy
  /** Joins (or applies); a rejection keeps the dialog open for another try. */
  onConfirm: (shareContact: boolean) => Promise<void>
  onClose: () => void
}

/**
 * Asked before joining: may the group's leaders see my phone number? Off unless the member ticks it,
 * and said plainly what it is for and who sees what either way.
 */
export function ShareContactDialog({ visible, groupName, joinPolicy, onConfirm, onClose }: ShareContactDialogProps) {
  const [share, setShare] = useState(false)
  // Every opening starts from "not shared".
  useEffect(() => {
    if (visible) setShare(false)
  }, [visible])

  const approval = joinPolicy === 'approval'
  return (
    <Dialog
      className="join-dialog"
      visible={visible}
      title={approval ? `申请加入「${groupName}」` : `加入「${groupName}」`}
      confirmText={approval ? '提交申请' : '确认加入'}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={() => onConfirm(share)}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="join-dialog__body">
        <Checkbox className="join-share-contact" checked={share} label="允许组长查看我的手机号" onChange={(v) => setShare(v)} />
        <View className="join-dialog__why">组长安排活动、临时变动时可能需要电话联系你。不勾选的话，组长和其他成员只能看到你的姓名和部门。</View>
        {approval ? <View className="join-dialog__note">提交后由组长审核，通过后就会出现在成员名单里。</View> : null}
      </View>
    </Dialog>
  )
}

export default ShareContactDialog
