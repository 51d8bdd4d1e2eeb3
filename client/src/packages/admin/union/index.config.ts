export default definePageConfig({
  navigationBarTitleText: '工会联系方式',
})
