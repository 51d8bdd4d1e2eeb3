/** Database requests that change data, counted by the local CloudBase: "nothing written" is a number. */
const WRITE_ACTIONS = [
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.modifyAndReturnDoc',
  'database.commitTransaction',
]

export const writeCount = (stats: { byAction: Record<string, number> }): number => WRITE_ACTIONS.reduce((sum, action) => sum + (stats.byAction[action] ?? 0), 0)
