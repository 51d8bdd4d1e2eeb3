import { useState } from 'react'
import type { ColleagueView } from '@shared/contract'
import { useMutation } from '../data'
import { callAction } from '../services/cloud'

/**
 * Finding a colleague by name or 会员编号 (`hardship.colleagues`: only those the caller may report
 * for or review): the typed words, what was found (null before any search) and the search itself.
 * A refusal is toasted and what was found before stays. 申请帮扶's picker and 困难职工档案's search
 * draw it their own way.
 */
export function useColleagueSearch() {
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<readonly ColleagueView[] | null>(null)
  const m = useMutation<'search'>()
  const search = async () => {
    const k = keyword.trim()
    if (!k) return
    const colleagues = await m.run('search', () => callAction('hardship.colleagues', { keyword: k }))
    if (colleagues) setFound(colleagues)
  }
  return { keyword, setKeyword, found, search, searching: m.busy === 'search' }
}
