export default definePageConfig({
  navigationBarTitleText: '福利核销',
  // 核销记录 pulls down to load the newest.
  enablePullDownRefresh: true,
})
