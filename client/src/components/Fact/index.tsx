import { View } from '@tarojs/components'

export interface FactProps {
  /** The page's class for its facts (`activity-fact`): the row, `__label` and `__value` are styled under it. */
  block: string
  label: string
  value: string
  /** Which fact this is (`activity-fact--time`), for the page's styles and tests. */
  className?: string
}

/** One fact a member decides by, label beside value: 时间, 地点, 名额, 兑换时间, 兑换地点… */
export function Fact({ block, label, value, className }: FactProps) {
  return (
    <View className={className ? `${block} ${className}` : block}>
      <View className={`${block}__label`}>{label}</View>
      <View className={`${block}__value`}>{value}</View>
    </View>
  )
}

export default Fact
