export default definePageConfig({
  navigationBarTitleText: '经费公开栏',
  enablePullDownRefresh: true,
})
