/**
 * Stand-in for @tarojs/taro in jsdom: the APIs our code and the NutUI parts we use touch.
 * Use with `jest.mock('@tarojs/taro', () => require('./mocks/taro'))`.
 */
export const request = jest.fn()
export const showToast = jest.fn(() => Promise.resolve())
export const getStorageSync = jest.fn((_key: string): unknown => '')
export const setStorageSync = jest.fn()
export const removeStorageSync = jest.fn()
export const stopPullDownRefresh = jest.fn()
export const switchTab = jest.fn(() => Promise.resolve())
export const navigateTo = jest.fn(() => Promise.resolve())
export const redirectTo = jest.fn(() => Promise.resolve())
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }))
export const showLoading = jest.fn(() => Promise.resolve())
export const hideLoading = jest.fn()
export const setClipboardData = jest.fn(() => Promise.resolve())
export const chooseMessageFile = jest.fn()
export const downloadFile = jest.fn()
export const openDocument = jest.fn(() => Promise.resolve())
export const cloud = { init: jest.fn(), callFunction: jest.fn(), uploadFile: jest.fn(), downloadFile: jest.fn() }
export const getEnv = jest.fn(() => 'WEB')
export const pxTransform = jest.fn((v: number) => `${v}px`)
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' }
export const usePullDownRefresh = jest.fn()
export const useLaunch = jest.fn()
export const useDidShow = jest.fn()
export const useReady = jest.fn()
export const useReachBottom = jest.fn()
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string>, path: '' }))
export const nextTick = (fn: () => void) => setTimeout(fn, 0)
export const createSelectorQuery = jest.fn()
export const setTabBarBadge = jest.fn(() => Promise.resolve())
export const removeTabBarBadge = jest.fn(() => Promise.resolve())
export const makePhoneCall = jest.fn(() => Promise.resolve())
export const requestSubscribeMessage = jest.fn((_opts: { tmplIds: string[] }): Promise<Record<string, string>> => Promise.resolve({}))

const Taro = {
  request,
  showToast,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  stopPullDownRefresh,
  switchTab,
  navigateTo,
  redirectTo,
  showModal,
  showLoading,
  hideLoading,
  setClipboardData,
  chooseMessageFile,
  downloadFile,
  openDocument,
  cloud,
  getEnv,
  pxTransform,
  ENV_TYPE,
  usePullDownRefresh,
  useLaunch,
  useDidShow,
  useReady,
  useReachBottom,
  useRouter,
  nextTick,
  createSelectorQuery,
  setTabBarBadge,
  removeTabBarBadge,
  makePhoneCall,
  requestSubscribeMessage,
}
export default Taro
