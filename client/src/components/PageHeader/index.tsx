import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

export interface PageHeaderProps {
  title: string
  subtitle?: ReactNode
}

/** The title area at the top of each tab page. */
export function PageHeader({ title, subtitle }: PageHeaderProps) {
  return (
    <View className="page-header">
      <View className="page-header__title">{title}</View>
      {subtitle ? <View className="page-header__subtitle">{subtitle}</View> : null}
    </View>
  )
}

export default PageHeader
