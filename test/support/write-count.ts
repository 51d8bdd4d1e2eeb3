/** Database requests that change data, counted by the local CloudBase: "nothing written" is a number. */
const WRITE_ACTIONS = [
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.modifyAndReturnDoc',
  'database.commitTransaction',
]

export const writeCount = (stats: { byAction: Record<string, number> }): number => WRITE_ACTIONS.reduce((sum, action) => sum + (stats.byAction[action] ?? 0), 0)

/**
 * Inside a describe: none of its tests may write anything (the write count after each equals the
 * count before it). A test that must first write its own subject calls `countFromHere()` after.
 */
export function eachWritesNothing(app: { stats: { byAction: Record<string, number> } }): { countFromHere(): void } {
  let before = 0
  const countFromHere = () => {
    before = writeCount(app.stats)
  }
  beforeEach(countFromHere)
  afterEach(() => expect(writeCount(app.stats)).toBe(before))
  return { countFromHere }
}
