export default definePageConfig({
  navigationBarTitleText: '报销费用',
  enablePullDownRefresh: true,
})
