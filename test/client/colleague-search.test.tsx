/** Finding a colleague (申请帮扶 for a colleague, 困难职工档案): trimmed words, nothing sent for blanks, a refusal keeps what was found. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { ActionError } from '../../client/src/services/cloud'
import { useColleagueSearch } from '../../client/src/hooks/useColleagueSearch'
import { callsOf, mockedCall, serve } from '../support/client/serve'

let current: ReturnType<typeof useColleagueSearch> | undefined
function Probe() {
  current = useColleagueSearch()
  const { found } = current
  return <Text>{found === null ? '未查找' : found.length === 0 ? '没有找到' : found.map((c) => c.name).join('、')}</Text>
}

beforeEach(() => mockedCall.mockReset())

it('sends the trimmed words, shows who was found, and keeps them when a later search is refused', async () => {
  let refuse = false
  serve({
    'hardship.colleagues': () => {
      if (refuse) throw new ActionError('RATE_LIMITED', '查得太频繁了，请稍后再试')
      return [{ id: 'm4', name: '刘洋', department: '信息中心' }]
    },
  })
  render(<Probe />)
  await act(async () => current!.setKeyword('  '))
  await act(async () => current!.search())
  expect(callsOf('hardship.colleagues')).toHaveLength(0)
  screen.getByText('未查找')

  await act(async () => current!.setKeyword(' 刘洋 '))
  await act(async () => current!.search())
  expect(callsOf('hardship.colleagues')[0][1]).toEqual({ keyword: '刘洋' })
  await screen.findByText('刘洋')

  refuse = true
  await act(async () => current!.search())
  expect(callsOf('hardship.colleagues')).toHaveLength(2)
  screen.getByText('刘洋')
})

it('says when nobody was found', async () => {
  serve({ 'hardship.colleagues': () => [] })
  render(<Probe />)
  await act(async () => current!.setKeyword('王'))
  await act(async () => current!.search())
  await screen.findByText('没有找到')
})
