import { useEffect, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { GROUP_TEXT_MAX } from '@shared/contract/group.contract'
import { Dialog } from '../../../ui/nutui'

export interface ReasonDialogProps {
  visible: boolean
  title: string
  description: string
  confirmText: string
  placeholder?: string
  /** Does the work; a rejection (already toasted) keeps the dialog open for another try. */
  onConfirm: (reason: string) => Promise<void>
  onClose: () => void
}

/** Confirms a refusal or removal, with an optional reason (as long as the group contract allows) the member will see. */
export function ReasonDialog({ visible, title, description, confirmText, placeholder = '原因（选填）', onConfirm, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('')
  useEffect(() => {
    if (visible) setReason('')
  }, [visible])

  return (
    <Dialog
      className="reason-dialog"
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={() => onConfirm(reason.trim())}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="reason-dialog__body">
        <View className="reason-dialog__description">{description}</View>
        {/* Only mounted while open: a native input would otherwise float above the page in WeChat. */}
        {visible ? (
          <Input
            className="reason-dialog__input reason-input"
            value={reason}
            maxlength={GROUP_TEXT_MAX.reason}
            placeholder={placeholder}
            onInput={(e) => setReason(e.detail.value)}
          />
        ) : null}
      </View>
    </Dialog>
  )
}

export default ReasonDialog
