export default definePageConfig({
  navigationBarTitleText: '记录活动',
})
