import { COLORS } from './styles/colors'

/** Pages, tab bar and subpackages. Member pages stay in the main package; staff tools load on demand. */
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/activities/index',
    'pages/groups/index',
    'pages/benefits/index',
    'pages/me/index',
    'pages/bind/index',
    'pages/group/index',
    'pages/activity/index',
    'pages/activity/code',
    'pages/activity-signup/index',
    'pages/benefits/code',
    'pages/funds-public/index',
    'pages/hardship/index',
    'pages/hardship/apply',
    'pages/hardship/detail',
    'pages/member-card/index',
  ],
  subPackages: [
    {
      root: 'packages/admin',
      pages: [
        'index/index',
        'members/index',
        'member/index',
        'import/index',
        'invites/index',
        'groups/index',
        'benefits/index',
        'benefit-campaign/index',
        'hardship-policy/index',
        'union/index',
        'card-check/index',
      ],
    },
    // 消息: every member's, but opened from 我的 and 首页 only, so it loads on demand (preloaded from those tabs) and keeps the main package within its budget.
    { root: 'packages/member', pages: ['messages/index'] },
    { root: 'packages/redeem', pages: ['index/index'] },
    // A group's leaders (and admins): requests, the full roster, 纪实.
    { root: 'packages/leader', pages: ['requests/index', 'roster/index', 'record/index'] },
    // Event organizers (leaders for their department or group, admins for the union): post, 报名名单, 签到.
    { root: 'packages/organizer', pages: ['create/index', 'attendees/index', 'checkin/index', 'expense/index'] },
    // 经费管理: admins change, the audit committee (经费审查) reads.
    { root: 'packages/funds', pages: ['index/index', 'budget/index', 'ledger/index', 'expenses/index', 'audit/index'] },
    // 帮扶审核: the queue, a request's decision and payment, 困难职工档案 with 送温暖 visits.
    { root: 'packages/reviewer', pages: ['queue/index', 'request/index', 'files/index', 'file/index'] },
  ],
  // The tabs that open 消息 fetch its subpackage in the background, so the tap opens it at once.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/member'] },
    'pages/me/index': { network: 'all', packages: ['packages/member'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: COLORS.pageBg,
    navigationBarBackgroundColor: COLORS.brand,
    navigationBarTitleText: '职工之家',
    navigationBarTextStyle: 'white',
    // WeChat always draws its title bar; the h5 build draws Taro's own only when asked: a title and,
    // on sub-pages, a back arrow (or home, for a page opened on its own).
    navigationStyle: 'default',
  },
  tabBar: {
    color: COLORS.muted,
    selectedColor: COLORS.brand,
    backgroundColor: COLORS.card,
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tabbar/activities.png', selectedIconPath: 'assets/tabbar/activities-active.png' },
      { pagePath: 'pages/groups/index', text: '小组', iconPath: 'assets/tabbar/groups.png', selectedIconPath: 'assets/tabbar/groups-active.png' },
      { pagePath: 'pages/benefits/index', text: '福利', iconPath: 'assets/tabbar/benefits.png', selectedIconPath: 'assets/tabbar/benefits-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // Only inject the components a page actually uses (smaller start-up in WeChat).
  lazyCodeLoading: 'requiredComponents',
  // WeChat privacy-agreement flow for any API touching personal information.
  __usePrivacyCheck__: true,
})
