/**
 * NutUI components used across member pages, imported one by one with their own CSS
 * (instead of the 230 KB full stylesheet) to keep the weapp main package small.
 * NutUI's theme file is not shipped: the variables we change are set in app.scss (styles/_tokens.scss).
 */
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'

export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty'
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton'
// Empty already depends on Button (and its CSS), so reusing it costs nothing extra.
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button'
// The group page asks before joining (with the share-phone choice) and leaders give reasons: a dialog and a checkbox.
export { default as Dialog } from '@nutui/nutui-react-taro/dist/es/packages/dialog'
export { default as Checkbox } from '@nutui/nutui-react-taro/dist/es/packages/checkbox'
