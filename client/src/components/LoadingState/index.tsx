import { View } from '@tarojs/components'
import { Skeleton } from '../../ui/nutui'
import './index.scss'

export interface LoadingStateProps {
  /** Read by screen readers and shown under the placeholder lines. */
  text?: string
  rows?: number
}

/** Placeholder lines while a page waits for its first answer. */
export function LoadingState({ text = '正在加载…', rows = 3 }: LoadingStateProps) {
  return (
    <View className="loading-state" aria-busy="true">
      <View className="loading-state__card">
        <Skeleton rows={rows} animated />
      </View>
      <View className="loading-state__text">{text}</View>
    </View>
  )
}

export default LoadingState
