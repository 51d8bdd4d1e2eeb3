import { View } from '@tarojs/components'
import { barWidths } from './view'
import './bar.scss'

export interface BarPart {
  /** Names the part's colour: `fund-bar__part--<key>` (spent, committed, rate…). */
  readonly key: string
  readonly value: number
}

export interface BarProps {
  readonly parts: readonly BarPart[]
  /** What the full track stands for (a line's budget, 100 %); parts past it fill the bar. */
  readonly scale: number
  readonly className?: string
}

/**
 * A horizontal stacked bar drawn with plain Views (no chart library in a mini-program): the grey
 * track is the whole, each part a coloured stretch from the left. Numbers go next to it as text.
 */
export function Bar({ parts, scale, className }: BarProps) {
  const widths = barWidths(
    parts.map((p) => p.value),
    scale,
  )
  return (
    <View className={['fund-bar', className].filter(Boolean).join(' ')}>
      {parts.map((p, i) =>
        widths[i] > 0 ? (
          <View key={p.key} className={`fund-bar__part fund-bar__part--${p.key}`} data-width={widths[i]} style={{ width: `${widths[i]}%` }} />
        ) : null,
      )}
    </View>
  )
}

export default Bar
