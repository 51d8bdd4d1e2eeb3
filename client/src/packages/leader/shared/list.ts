/** How the leader pages' member lists look (the area's list and footer styles, the groups art), and their rows' keys. */
export const LEADER_LIST = {
  listClass: 'leader-list',
  footerClass: 'leader-footer',
  art: 'groups',
  itemKey: (row: { memberId: string }) => row.memberId,
} as const
