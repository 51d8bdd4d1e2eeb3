export default definePageConfig({
  navigationBarTitleText: '我的签到码',
  // A white page: the code reads best on a plain, bright background.
  navigationBarBackgroundColor: '#c8161d',
  backgroundColor: '#ffffff',
})
