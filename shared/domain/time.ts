import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** The union lives in Asia/Shanghai; functions run in UTC. Every calendar rule goes through here. */
export const UNION_TZ = 'Asia/Shanghai'

export const inShanghai = (at: Date | number | string) => dayjs(at).tz(UNION_TZ)

/** The calendar year in Shanghai at a given instant (a cake voucher's "this year"). */
export const shanghaiYear = (at: Date): number => inShanghai(at).year()

/** `YYYY-MM-DD HH:mm` in Shanghai, for people. */
export const formatShanghai = (at: Date | number | string, pattern = 'YYYY-MM-DD HH:mm'): string => inShanghai(at).format(pattern)

/** Start of the Shanghai day containing `at`, as an instant. */
export const shanghaiDayStart = (at: Date): Date => inShanghai(at).startOf('day').toDate()


/** Date-string checks live apart from dayjs so the contract can use them without pulling it in. */
export { EARLIEST_YEAR, LATEST_YEAR, isCalendarDate, isMonthDay } from './calendar'
