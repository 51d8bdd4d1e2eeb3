/** A bar's width in percent of the largest line; a little spending still shows (at least 1 %). */
export const publicBarWidth = (part: number, largest: number): number =>
  part > 0 && largest > 0 ? Math.min(100, Math.max(1, Math.round((1000 * part) / largest) / 10)) : 0
