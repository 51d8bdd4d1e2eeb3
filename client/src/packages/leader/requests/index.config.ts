export default definePageConfig({
  navigationBarTitleText: '入组申请',
  enablePullDownRefresh: true,
})
