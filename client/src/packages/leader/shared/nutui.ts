/** NutUI parts only the leader pages use (shipped in packages/leader, not the main package). */
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'

export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress'
