import type { ActivityDetail, DetailRefresh } from '@shared/contract'

/**
 * A sign-up or a cancel answers with what the detail page shows of it (the caller's state, the
 * places taken, a lottery's entrants, a contest's standings), so the page updates from the answer
 * instead of loading the event again: one call per tap. The sign-up form page hands its answer to
 * the detail page it goes back to in the same way.
 */
export const withRefresh = (a: ActivityDetail, r: DetailRefresh): ActivityDetail => ({ ...a, ...r })

const handed = new Map<string, DetailRefresh>()

/** The form page's answer, kept for the detail page under it. */
export function handRefresh(id: string, r: DetailRefresh): void {
  handed.set(id, r)
}

/** Taken once: the detail page shows it instead of loading again. */
export function takeRefresh(id: string): DetailRefresh | undefined {
  const r = handed.get(id)
  handed.delete(id)
  return r
}
