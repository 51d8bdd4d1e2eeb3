import { View } from '@tarojs/components'
import type { RequestStatus as Status } from '@shared/domain/hardship'
import { STATUS_LABELS, statusTone } from '../../constants/hardship'
import './index.scss'

/** A request's status as a small coloured chip. */
export function RequestStatus({ status }: { status: Status }) {
  return <View className={`request-status request-status--${statusTone(status)} request-status--${status}`}>{STATUS_LABELS[status]}</View>
}

export default RequestStatus
