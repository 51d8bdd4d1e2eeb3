/**
 * The Taro stand-in (./taro) plus what the group pages and NutUI's Dialog touch: image preview and
 * picking, the title bar, going back, phone calls, and Taro's event centre (used by Dialog).
 * Use with `jest.mock('@tarojs/taro', () => require('./mocks/taro-groups'))`.
 */
import base from './taro'

export * from './taro'
export const previewImage = jest.fn(() => Promise.resolve())
export const chooseImage = jest.fn()
export const setNavigationBarTitle = jest.fn(() => Promise.resolve())
export const navigateBack = jest.fn(() => Promise.resolve())
export const makePhoneCall = jest.fn(() => Promise.resolve())
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() }
export const getCurrentInstance = jest.fn(() => ({ router: { path: '/pages/group/index', params: {} } }))

const Taro = { ...base, previewImage, chooseImage, setNavigationBarTitle, navigateBack, makePhoneCall, eventCenter, getCurrentInstance }
export default Taro
