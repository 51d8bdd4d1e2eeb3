/**
 * Demo-account switcher slot for tab pages. Only the h5 build made for the local emulator
 * (LOCAL_MODE) renders it; elsewhere the condition is a compile-time `false`, webpack skips the
 * branch, and the switcher module (with its strings and the /local/accounts call) never ships.
 */
export function LocalLogin() {
  if (process.env.TARO_ENV === 'h5' && LOCAL_MODE) {
    // require() inside the dead branch, not a top-level import, so the module is not even bundled.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LocalLoginSwitcher } = require('./LocalLoginSwitcher') as typeof import('./LocalLoginSwitcher')
    return <LocalLoginSwitcher />
  }
  return null
}

export default LocalLogin
