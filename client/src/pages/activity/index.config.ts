export default definePageConfig({
  navigationBarTitleText: '活动详情',
  enablePullDownRefresh: true,
  // useShareAppMessage: forward an event to a colleague or a group chat.
  enableShareAppMessage: true,
})
