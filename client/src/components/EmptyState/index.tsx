import type { ReactNode } from 'react'
import { Image, View } from '@tarojs/components'
import { Empty } from '../../ui/nutui'
import activities from '../../assets/tabbar/activities.png'
import benefits from '../../assets/tabbar/benefits.png'
import groups from '../../assets/tabbar/groups.png'
import home from '../../assets/tabbar/home.png'
import me from '../../assets/tabbar/me.png'
import './index.scss'

const ART = { activities, benefits, groups, home, me } as const
export type EmptyArt = keyof typeof ART

export interface EmptyStateProps {
  title: string
  description?: string
  /** Which line drawing to show; our own art instead of NutUI's remote default image. */
  art?: EmptyArt
  /** A follow-up action, e.g. a retry button. */
  children?: ReactNode
  className?: string
}

/** "Nothing here yet", said kindly, with what will appear here and when. */
export function EmptyState({ title, description, art = 'home', children, className }: EmptyStateProps) {
  return (
    <View className={['empty-state', className].filter(Boolean).join(' ')}>
      <Empty
        title={<View className="empty-state__title">{title}</View>}
        description={description ? <View className="empty-state__description">{description}</View> : undefined}
        image={
          <View className="empty-state__art">
            <Image className="empty-state__icon" src={ART[art]} />
          </View>
        }
      />
      {children ? <View className="empty-state__actions">{children}</View> : null}
    </View>
  )
}

export default EmptyState
