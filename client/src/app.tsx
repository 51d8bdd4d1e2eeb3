import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
// NutUI's theme file is not imported (25 KB of fonts and variables in the main package): each component's
// CSS (ui/nutui.ts) falls back to its defaults, and app.scss sets the NutUI variables we change (styles/_tokens.scss).
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
  })
  // children are the pages being rendered
  return children
}

export default App
