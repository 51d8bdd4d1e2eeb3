export default definePageConfig({
  navigationBarTitleText: '经费概览',
  enablePullDownRefresh: true,
})
