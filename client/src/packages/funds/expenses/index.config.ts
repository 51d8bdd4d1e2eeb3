export default definePageConfig({
  navigationBarTitleText: '报销审批',
  enablePullDownRefresh: true,
})
