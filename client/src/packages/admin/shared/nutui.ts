/**
 * NutUI parts used only by the admin pages, with their own CSS. Imported from the subpackage alone,
 * so they ship in packages/admin and not in the main package.
 */
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'

export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress'
export { default as Checkbox } from '@nutui/nutui-react-taro/dist/es/packages/checkbox'
