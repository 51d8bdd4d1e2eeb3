import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
// NutUI design tokens (CSS variables) once; each component's own CSS is imported on demand in ui/nutui.ts.
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
  })
  // children are the pages being rendered
  return children
}

export default App
