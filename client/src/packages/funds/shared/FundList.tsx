import { PagedList, type PagedListProps } from '../../../components/PagedList'

export type FundListProps<T> = Omit<PagedListProps<T>, 'footerClass' | 'unit' | 'endText'> & {
  /** What the rows are counted in (笔, 条): 加载更多（还有 5 笔）. */
  unit: string
  /** At the end, all of them: 共 12 笔 (default: the unit), 共 12 笔分录. */
  counted?: string
}

/** A funds list (台账, 报销, 审计记录): its footer says how many are left, and at the end how many in all. */
export function FundList<T>({ unit, counted = unit, ...list }: FundListProps<T>) {
  return <PagedList loadingRows={4} {...list} footerClass="fund-footer" unit={unit} endText={(total) => `共 ${total} ${counted}`} />
}
