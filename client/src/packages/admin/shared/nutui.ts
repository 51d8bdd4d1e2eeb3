/**
 * NutUI parts used only by the admin pages, with their own CSS. Imported from the subpackage alone,
 * so they ship in packages/admin and not in the main package.
 */
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'

export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress'
// The group page (main package) uses the checkbox too, so it lives with the member-page parts.
export { Checkbox } from '../../../ui/nutui'
