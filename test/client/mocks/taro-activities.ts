/**
 * The Taro stand-in (./taro) plus what the activity pages touch: page hide, sharing, the title bar,
 * screen brightness, scanning, going back and picking a cover picture.
 * Use with `jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))`.
 */
import base from './taro'

export * from './taro'
export const useDidHide = jest.fn()
export const useShareAppMessage = jest.fn()
export const setNavigationBarTitle = jest.fn(() => Promise.resolve())
export const navigateBack = jest.fn(() => Promise.resolve())
export const getScreenBrightness = jest.fn()
export const setScreenBrightness = jest.fn(() => Promise.resolve())
export const setKeepScreenOn = jest.fn(() => Promise.resolve())
export const getSystemInfoSync = jest.fn(() => ({ platform: 'devtools' }))
export const scanCode = jest.fn()
export const vibrateShort = jest.fn(() => Promise.resolve())
export const chooseImage = jest.fn()

const Taro = {
  ...base,
  useDidHide,
  useShareAppMessage,
  setNavigationBarTitle,
  navigateBack,
  getScreenBrightness,
  setScreenBrightness,
  setKeepScreenOn,
  getSystemInfoSync,
  scanCode,
  vibrateShort,
  chooseImage,
}
export default Taro
