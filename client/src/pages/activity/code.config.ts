import { COLORS } from '../../styles/colors'

export default definePageConfig({
  navigationBarTitleText: '我的签到码',
  // A white page: the code reads best on a plain, bright background.
  navigationBarBackgroundColor: COLORS.brand,
  backgroundColor: COLORS.card,
})
