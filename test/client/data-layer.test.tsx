/** The client's data layer: cache and dedupe, the session, invalidation then reload on show, paged lists, changes. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({
  ...jest.requireActual('../../client/src/services/cloud'),
  callAction: jest.fn(),
}))

import { act, render, screen, waitFor } from '@testing-library/react'
import { Text } from '@tarojs/components'
import * as taro from './mocks/taro'
import { ActionError, callAction } from '../../client/src/services/cloud'
import { invalidate, setQueryData, useMutation, usePagedQuery, useQuery, useSession, type Mutation } from '../../client/src/data'
import { PagedList } from '../../client/src/components/PagedList'

const mockedCall = callAction as jest.MockedFunction<typeof callAction>
const callsOf = (name: string) => mockedCall.mock.calls.filter(([n]) => n === name)

/** Runs every useDidShow callback registered so far, as Taro does when the page is shown again. */
const showAgain = async () => {
  const shown = taro.useDidShow.mock.calls.map(([f]) => f as unknown as () => void)
  await act(async () => {
    for (const f of shown) f()
  })
}

const me = (name: string) => ({ member: { name }, roles: [], badges: { unreadMessages: 0, groupRequests: 0 } })

function Title({ id }: { id: string }) {
  const q = useQuery('activity.get', { id })
  return <Text>{q.loading ? '加载中' : q.error ? q.error.message : (q.data as { title?: string } | undefined)?.title}</Text>
}

function Name() {
  const s = useSession()
  return <Text>{s.data ? (s.data as unknown as { member: { name: string } }).member.name : '…'}</Text>
}

beforeEach(() => {
  mockedCall.mockReset()
  taro.useDidShow.mockClear()
  taro.showToast.mockClear()
})

describe('useQuery', () => {
  it('asks once for two parts of a page showing the same answer', async () => {
    mockedCall.mockResolvedValue({ title: '新年音乐会' } as never)
    render(
      <>
        <Title id="a1" />
        <Title id="a1" />
      </>,
    )
    await waitFor(() => expect(screen.getAllByText('新年音乐会')).toHaveLength(2))
    expect(callsOf('activity.get')).toHaveLength(1)
  })

  it('loads again when shown after a change under its function, and only then', async () => {
    mockedCall.mockResolvedValueOnce({ title: '旧标题' } as never).mockResolvedValueOnce({ title: '新标题' } as never)
    render(<Title id="a1" />)
    await screen.findByText('旧标题')
    await showAgain()
    expect(callsOf('activity.get')).toHaveLength(1)

    act(() => invalidate('activity'))
    expect(callsOf('activity.get')).toHaveLength(1)
    await showAgain()
    await screen.findByText('新标题')
    expect(callsOf('activity.get')).toHaveLength(2)
  })

  it('does not reload for a change elsewhere', async () => {
    mockedCall.mockResolvedValue({ title: '新年音乐会' } as never)
    render(<Title id="a1" />)
    await screen.findByText('新年音乐会')
    act(() => invalidate('group', 'member.me'))
    await showAgain()
    expect(callsOf('activity.get')).toHaveLength(1)
  })

  it('shows the error, and a retry that succeeds shows the answer', async () => {
    mockedCall.mockRejectedValueOnce(new ActionError('NOT_FOUND', '活动不存在')).mockResolvedValueOnce({ title: '新年音乐会' } as never)
    let reload: (() => Promise<void>) | undefined
    function Page() {
      const q = useQuery('activity.get', { id: 'a1' })
      reload = q.reload
      return <Text>{q.loading ? '加载中' : q.error ? q.error.message : (q.data as { title: string }).title}</Text>
    }
    render(<Page />)
    await screen.findByText('活动不存在')
    await act(async () => reload!())
    await screen.findByText('新年音乐会')
  })

  it('takes an answer a change returned without asking again', async () => {
    mockedCall.mockResolvedValue({ title: '旧标题' } as never)
    render(<Title id="a1" />)
    await screen.findByText('旧标题')
    act(() => setQueryData('activity.get', { id: 'a1' }, { title: '改好的标题' } as never))
    await screen.findByText('改好的标题')
    expect(callsOf('activity.get')).toHaveLength(1)
  })
})

describe('useSession', () => {
  it('is loaded once for the whole app, and again only when shown after something changed it', async () => {
    mockedCall.mockResolvedValueOnce(me('李娜') as never).mockResolvedValueOnce(me('李娜（组长）') as never)
    const first = render(<Name />)
    await screen.findByText('李娜')
    first.unmount()
    render(<Name />)
    await screen.findByText('李娜')
    expect(callsOf('member.me')).toHaveLength(1)

    act(() => invalidate('member'))
    await showAgain()
    await screen.findByText('李娜（组长）')
    expect(callsOf('member.me')).toHaveLength(2)
  })
})

describe('usePagedQuery with PagedList', () => {
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, title: `第 ${from + i} 条` }))

  function List() {
    const list = usePagedQuery('hardship.mine', {}, { pageSize: 2 })
    return (
      <PagedList
        list={list}
        name="rows"
        empty={{ title: '还没有申请' }}
        renderItem={(r) => <Text className="row">{(r as unknown as { title: string }).title}</Text>}
      />
    )
  }

  it('pages on, ends with 已经到底了, and starts over when shown after a change', async () => {
    mockedCall
      .mockResolvedValueOnce({ items: rows(1, 2), total: 3, page: 1, pageSize: 2 } as never)
      .mockResolvedValueOnce({ items: rows(3, 1), total: 3, page: 2, pageSize: 2 } as never)
      .mockResolvedValueOnce({ items: rows(1, 1), total: 1, page: 1, pageSize: 2 } as never)
    const { container } = render(<List />)
    await screen.findByText('第 2 条')
    await act(async () => screen.getByText('加载更多').click())
    await screen.findByText('第 3 条')
    expect(container.querySelector('.rows-footer')?.textContent).toBe('已经到底了')

    act(() => invalidate('hardship'))
    await showAgain()
    await waitFor(() => expect(container.querySelectorAll('.row')).toHaveLength(1))
    expect(callsOf('hardship.mine').map(([, input]) => (input as { page: number }).page)).toEqual([1, 2, 1])
  })

  it('does not load a third time when shown after the page loaded again for its own change', async () => {
    mockedCall.mockResolvedValue({ items: rows(1, 1), total: 1, page: 1, pageSize: 2 } as never)
    let reload: (() => Promise<void>) | undefined
    function Own() {
      const list = usePagedQuery('hardship.mine', {}, { pageSize: 2 })
      reload = list.reload
      return <PagedList list={list} name="rows" empty={{ title: '还没有申请' }} renderItem={() => <Text className="row">一条</Text>} />
    }
    render(<Own />)
    await screen.findByText('一条')
    await act(async () => {
      invalidate('hardship')
      await reload!()
    })
    await showAgain()
    expect(callsOf('hardship.mine')).toHaveLength(2)
  })

  it('says what will appear when there is nothing', async () => {
    mockedCall.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 2 } as never)
    const { container } = render(<List />)
    await screen.findByText('还没有申请')
    expect(container.querySelector('.rows-empty')).not.toBeNull()
  })
})

describe('useMutation', () => {
  it('sends once for a double tap, toasts the success and marks what it changed', async () => {
    let resolve: (v: unknown) => void = () => undefined
    mockedCall.mockImplementation(() => new Promise((r) => (resolve = r)) as never)
    let m: Mutation<'save'> | undefined
    function Page() {
      m = useMutation<'save'>()
      return <Text>{m.busy === 'save' ? '保存中' : '保存'}</Text>
    }
    render(<Page />)
    const send = () => m!.run('save', () => callAction('member.update' as never, {} as never), { success: '已保存', invalidates: ['member'] })
    let first: Promise<unknown> = Promise.resolve()
    await act(async () => {
      first = send()
      void send()
    })
    await screen.findByText('保存中')
    expect(mockedCall).toHaveBeenCalledTimes(1)
    await act(async () => {
      resolve({ ok: true })
      await first
    })
    await screen.findByText('保存')
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  })

  it('keeps the failure (callAction has toasted it) and answers undefined', async () => {
    mockedCall.mockRejectedValue(new ActionError('CONFLICT', '已经有人改过了'))
    let m: Mutation<'save'> | undefined
    function Page() {
      m = useMutation<'save'>()
      return <Text>{m.error?.message ?? '无'}</Text>
    }
    render(<Page />)
    let answer: unknown = 'x'
    await act(async () => {
      answer = await m!.run('save', () => callAction('member.update' as never, {} as never), { success: '已保存' })
    })
    expect(answer).toBeUndefined()
    await screen.findByText('已经有人改过了')
    expect(taro.showToast).not.toHaveBeenCalled()
  })
})
