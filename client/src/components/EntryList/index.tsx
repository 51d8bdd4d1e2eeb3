import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'

export interface Entry {
  readonly key: string
  readonly text: string
  readonly hint: string
  readonly url: string
}

/**
 * A workbench's ways in (管理后台, 经费概览): each a row with what it is and what it does there, and
 * ›. Classes `<name>-entries`, `<name>-entry`, `<name>-entry--<key>` and its parts, for the page's styles.
 */
export function EntryList({ name, entries }: { name: string; entries: readonly Entry[] }) {
  return (
    <View className={`${name}-entries`}>
      {entries.map((e) => (
        <View key={e.key} className={`${name}-entry ${name}-entry--${e.key}`} onClick={() => void Taro.navigateTo({ url: e.url })}>
          <View className={`${name}-entry__body`}>
            <View className={`${name}-entry__text`}>{e.text}</View>
            <View className={`${name}-entry__hint`}>{e.hint}</View>
          </View>
          <View className={`${name}-entry__arrow`}>›</View>
        </View>
      ))}
    </View>
  )
}

export default EntryList
