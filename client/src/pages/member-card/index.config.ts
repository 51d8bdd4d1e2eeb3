import { COLORS } from '../../styles/colors'

export default definePageConfig({
  navigationBarTitleText: '电子会员证',
  // A white page: the code reads best on a plain, bright background.
  backgroundColor: COLORS.card,
})
