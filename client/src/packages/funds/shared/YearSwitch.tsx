import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { currentYear, yearParam } from '../../../constants/funds'

/** The year a funds page opens on: its link's ?year= (经费概览 passes it on), or this year. */
export function useLinkedYear() {
  const { params } = useRouter()
  return useState(() => yearParam(params.year))
}

export interface YearSwitchProps {
  readonly year: number
  readonly onChange: (year: number) => void
  readonly min?: number
  /** Default: next year, whose budget may be drawn up already. */
  readonly max?: number
}

/** 「‹ 2026 年 ›」: one year back or forward, within the years that make sense. */
export function YearSwitch({ year, onChange, min = 2000, max = currentYear() + 1 }: YearSwitchProps) {
  const back = year > min
  const forward = year < max
  return (
    <View className="fund-year">
      <View className={`fund-year__step fund-year-prev${back ? '' : ' fund-year__step--off'}`} onClick={() => back && onChange(year - 1)}>
        ‹ {back ? `${year - 1}` : ''}
      </View>
      <View className="fund-year__value">{year} 年</View>
      <View className={`fund-year__step fund-year-next${forward ? '' : ' fund-year__step--off'}`} onClick={() => forward && onChange(year + 1)}>
        {forward ? `${year + 1}` : ''} ›
      </View>
    </View>
  )
}

export default YearSwitch
