export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** The instant `ms` from now (negative: ago), as the API sends and takes times. */
export const at = (ms: number): string => new Date(Date.now() + ms).toISOString()

/** This year in Shanghai: the union's budget year. */
export const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
