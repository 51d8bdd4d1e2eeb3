export default definePageConfig({
  navigationBarTitleText: '职工之家',
  enablePullDownRefresh: true,
})
