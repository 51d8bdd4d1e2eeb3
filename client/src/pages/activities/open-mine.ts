import Taro from '@tarojs/taro'
import { ROUTES } from '../../constants/routes'

/**
 * 我的 → 我的活动 opens the 活动 tab on 我报名的. A tab page takes no query, so the wish waits here
 * until the tab shows and takes it (once).
 */
let wanted = false

export function openMyActivities(): void {
  wanted = true
  void Taro.switchTab({ url: ROUTES.activities })
}

export function takeMyActivitiesWish(): boolean {
  const w = wanted
  wanted = false
  return w
}
