import * as cloudbase from '@cloudbase/node-sdk'
import {
  demoAidLedger,
  demoBirthdayHistory,
  demoBudget,
  demoCakeCampaign,
  DEMO_POINTS,
  DEMO_BINDINGS,
  DEMO_DEPARTMENTS,
  DEMO_GROUP_LEADER_ROLES,
  DEMO_GROUP_MEMBERS,
  DEMO_GROUPS,
  DEMO_HARDSHIP_FILES,
  DEMO_HARDSHIP_GRANTS,
  DEMO_HARDSHIP_POLICY,
  DEMO_HARDSHIP_POLICY_CHANGES,
  DEMO_HARDSHIP_REQUESTS,
  DEMO_HARDSHIP_VISITS,
  DEMO_MEMBERS,
  DEMO_ROLES,
  DEMO_UNION,
} from './demo-data'

type Db = ReturnType<ReturnType<typeof cloudbase.init>['database']>

/** Writes the demo union through the real SDK. Fixed ids make a second run change nothing. */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.collection('unions').doc(DEMO_UNION._id).get()
  if (existing.data.length > 0) return false
  const put = (collection: string, docs: ReadonlyArray<{ _id: string }>) =>
    Promise.all(docs.map(({ _id, ...rest }) => db.collection(collection).doc(_id).set(rest)))
  await put('departments', DEMO_DEPARTMENTS)
  await put('members', DEMO_MEMBERS)
  await put('roles', [...DEMO_ROLES, ...DEMO_GROUP_LEADER_ROLES])
  await put('groups', DEMO_GROUPS)
  await put('group_members', DEMO_GROUP_MEMBERS)
  await put('bindings', DEMO_BINDINGS)
  await put('hardship_policies', [DEMO_HARDSHIP_POLICY])
  await put('hardship_policy_changes', DEMO_HARDSHIP_POLICY_CHANGES)
  await put('hardship_requests', DEMO_HARDSHIP_REQUESTS)
  await put('hardship_grants', DEMO_HARDSHIP_GRANTS)
  await put('hardship_files', DEMO_HARDSHIP_FILES)
  await put('hardship_visits', DEMO_HARDSHIP_VISITS)
  await put('redeem_points', DEMO_POINTS)
  await put('campaigns', [demoCakeCampaign(new Date())])
  // Birthday vouchers of the months already past; this month's the daily timer issues on start.
  const birthdays = demoBirthdayHistory(new Date())
  await put('vouchers', birthdays.vouchers)
  const budget = demoBudget(new Date())
  await put('budgets', [budget.budget])
  const posted = [
    ...demoAidLedger().filter((e) => e.year === budget.budget.year),
    ...(birthdays.ledger as { _id: string; line: string; committed: number; spent: number }[]),
  ]
  await put('ledger', posted)
  await put(
    'budget_lines',
    budget.lines.map((l) => ({ ...l, available: l.available - posted.filter((e) => e.line === l.line).reduce((sum, e) => sum + e.committed + e.spent, 0) })),
  )
  // The union goes last: its presence marks a complete seed.
  await put('unions', [DEMO_UNION])
  return true
}
