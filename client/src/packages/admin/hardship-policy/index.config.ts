export default definePageConfig({
  navigationBarTitleText: '帮扶慰问标准',
})
