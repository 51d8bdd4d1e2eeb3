import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Pages stay alive under others (tab pages, a list under its detail page), so a page that showed
 * data before a change elsewhere must load again when it is shown. Whoever changes something marks
 * the topic; pages that loaded it reload on their next show, and only then (no flicker otherwise).
 */
export type ChangeTopic = 'me' | 'members' | 'invites' | 'groups' | 'activities' | 'hardship'

const versions: Record<ChangeTopic, number> = { me: 0, members: 0, invites: 0, groups: 0, activities: 0, hardship: 0 }

export function markChanged(...topics: ChangeTopic[]): void {
  for (const t of topics) versions[t]++
}

/**
 * Returns how this page marks a change it already shows (from its own call's answer): other pages
 * reload on their next show, this one does not.
 */
export function useReloadOnChange(topic: ChangeTopic, reload: () => unknown): () => void {
  const seen = useRef(versions[topic])
  useDidShow(() => {
    if (seen.current === versions[topic]) return
    seen.current = versions[topic]
    void reload()
  })
  return () => {
    markChanged(topic)
    seen.current = versions[topic]
  }
}
