import { Input, View } from '@tarojs/components'

export interface SearchBarProps {
  /** The class prefix: `<name>-search`, its input `<name>-search-input`, its button `<name>-search-submit`. */
  name: string
  typed: string
  onType: (value: string) => void
  /** 搜索 tapped or the keyboard's search key: with what is typed. */
  onSearch: (value: string) => void
  placeholder: string
  maxlength: number
  /** × empties the box (and searches for everything again). */
  onClear?: () => void
  busy?: boolean
}

/** A search box with its 搜索 button (会员名册, 领取名单, choosing a group's leaders). */
export function SearchBar({ name, typed, onType, onSearch, placeholder, maxlength, onClear, busy = false }: SearchBarProps) {
  return (
    <View className={`${name}-search`}>
      <Input
        className={`${name}-search__input ${name}-search-input`}
        value={typed}
        placeholder={placeholder}
        confirmType="search"
        maxlength={maxlength}
        onInput={(e) => onType(e.detail.value)}
        onConfirm={(e) => onSearch(e.detail.value)}
      />
      {onClear && typed ? (
        <View className={`${name}-search__clear`} onClick={onClear}>
          ×
        </View>
      ) : null}
      <View className={`${name}-search__button ${name}-search-submit`} onClick={() => onSearch(typed)}>
        {busy ? '搜索中…' : '搜索'}
      </View>
    </View>
  )
}
