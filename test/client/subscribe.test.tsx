/**
 * WeChat subscription requests (client/src/services/subscribe.ts): asked in the tap itself with at
 * most three of the union's templates, accepted ones reported, templates fetched once a session, and
 * the action going on whatever happens — declined, failed, unanswered, outside WeChat. In the local
 * h5 demo it explains once that push exists only in WeChat.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen } from '@testing-library/react'
import type { ActivityDetail } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { ANSWER_WAIT_MS, askToSubscribe, LOCAL_EXPLANATION, prepareSubscribe, resetSubscribeForTests } from '../../client/src/services/subscribe'
import ActivityPage from '../../client/src/pages/activity/index'
import { activityDetail } from '../support/client/activity'
import { callsOf, mockedCall, serve as serveAnswers, type Answers } from '../support/client/serve'

const TEMPLATES = { 'activity-result': 'T-RESULT', 'activity-change': 'T-CHANGE', 'activity-reminder': 'T-REMIND', benefit: 'T-BENEFIT', group: 'T-GROUP' }

const setEnv = (env: 'weapp' | 'h5', local = false) => {
  process.env.TARO_ENV = env
  ;(globalThis as unknown as { LOCAL_MODE: boolean }).LOCAL_MODE = local
}
const flush = () => act(async () => undefined)

/** The server answers the template list and subscription reports; anything else is the test's. */
const serve = (extra: Answers = {}) =>
  serveAnswers({ 'message.templates': () => ({ templates: TEMPLATES, maxPerRequest: 3 }), 'message.subscribe': () => ({ credits: {} }), ...extra })

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  resetSubscribeForTests()
})
afterEach(() => {
  jest.useRealTimers()
  setEnv('h5')
})

describe('in WeChat', () => {
  beforeEach(() => setEnv('weapp'))

  it('fetches the templates once a session, however many pages prepare', async () => {
    serve()
    prepareSubscribe()
    prepareSubscribe()
    await flush()
    prepareSubscribe()
    expect(callsOf('message.templates')).toHaveLength(1)
  })

  it('asks for the three templates of a sign-up in the tap itself and reports the accepted ones', async () => {
    serve()
    prepareSubscribe()
    await flush()
    taro.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'T-RESULT': 'accept',
      'T-REMIND': 'accept',
      'T-CHANGE': 'reject',
    })
    const asked = askToSubscribe('signUp')
    // Synchronously, before anything was awaited: WeChat shows the dialog only from a tap's own turn.
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-RESULT', 'T-REMIND', 'T-CHANGE'] })
    await expect(asked).resolves.toEqual(['activity-result', 'activity-reminder'])
    expect(callsOf('message.subscribe')).toEqual([['message.subscribe', { accepted: ['activity-result', 'activity-reminder'] }, { silent: true }]])
  })

  it('asks only for templates the union configured (none: no dialog at all)', async () => {
    serve()
    prepareSubscribe()
    await flush()
    taro.requestSubscribeMessage.mockResolvedValueOnce({ 'T-BENEFIT': 'accept' })
    await expect(askToSubscribe('benefit')).resolves.toEqual(['benefit'])
    expect(taro.requestSubscribeMessage).toHaveBeenLastCalledWith({ tmplIds: ['T-BENEFIT'] })
    // 办理进度 is not configured here.
    await expect(askToSubscribe('hardship')).resolves.toEqual([])
    expect(taro.requestSubscribeMessage).toHaveBeenCalledTimes(1)
  })

  it('declined, failed or never answered: resolves empty, reports nothing, never throws', async () => {
    serve()
    prepareSubscribe()
    await flush()
    taro.requestSubscribeMessage.mockResolvedValueOnce({ 'T-GROUP': 'reject' })
    await expect(askToSubscribe('groupJoin')).resolves.toEqual([])
    taro.requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' })
    await expect(askToSubscribe('groupJoin')).resolves.toEqual([])
    taro.requestSubscribeMessage.mockImplementationOnce(() => {
      throw new Error('not supported')
    })
    await expect(askToSubscribe('groupJoin')).resolves.toEqual([])
    jest.useFakeTimers()
    taro.requestSubscribeMessage.mockReturnValueOnce(new Promise(() => undefined))
    const waiting = askToSubscribe('groupJoin')
    jest.advanceTimersByTime(ANSWER_WAIT_MS)
    await expect(waiting).resolves.toEqual([])
    expect(callsOf('message.subscribe')).toHaveLength(0)
  })

  it('before the templates have arrived, the tap goes on without a dialog and the fetch starts', async () => {
    serve()
    await expect(askToSubscribe('signUp')).resolves.toEqual([])
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
    expect(callsOf('message.templates')).toHaveLength(1)
  })
})

describe('outside WeChat', () => {
  it('h5 asks nothing and calls nothing', async () => {
    setEnv('h5')
    serve()
    prepareSubscribe()
    await expect(askToSubscribe('signUp')).resolves.toEqual([])
    expect(mockedCall).not.toHaveBeenCalled()
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('the local demo explains once, after the action has said its own piece, that push exists only in WeChat', async () => {
    setEnv('h5', true)
    jest.useFakeTimers()
    await expect(askToSubscribe('signUp')).resolves.toEqual([])
    expect(taro.showToast).not.toHaveBeenCalled()
    jest.advanceTimersByTime(3000)
    expect(taro.showToast).toHaveBeenCalledWith({ title: LOCAL_EXPLANATION, icon: 'none', duration: 3500 })
    await askToSubscribe('benefit')
    jest.advanceTimersByTime(3000)
    expect(taro.showToast).toHaveBeenCalledTimes(1)
  })
})

/** An event with places, open for sign-up: 报名 on the detail page. */
const event = (over: Partial<ActivityDetail> = {}): ActivityDetail => activityDetail({ id: 'e1', title: '周末登山', place: '北山', confirmedCount: 3, ...over })

describe('报名 on the activity page', () => {
  beforeEach(() => {
    setEnv('weapp')
    taro.useRouter.mockReturnValue({ params: { id: 'e1' }, path: '' })
  })

  const signUpWith = async (answer: () => Promise<Record<string, string>>) => {
    serve({ 'activity.get': () => event(), 'activity.signUp': () => ({ status: 'confirmed', waitingPosition: null }) })
    taro.requestSubscribeMessage.mockImplementationOnce(answer)
    render(<ActivityPage />)
    const button = await screen.findByText('我要报名')
    await flush()
    await act(async () => {
      button.click()
    })
    return callsOf('activity.signUp')
  }

  it('asks for 递补 / 提醒 / 变更 first and signs up with the reminder the member accepted', async () => {
    const calls = await signUpWith(async () => ({ 'T-RESULT': 'accept', 'T-REMIND': 'accept', 'T-CHANGE': 'accept' }))
    expect(taro.requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(calls).toEqual([['activity.signUp', { id: 'e1', answers: {}, remind: true }]])
  })

  it('signs up all the same when the member declines', async () => {
    const calls = await signUpWith(async () => ({ 'T-RESULT': 'reject', 'T-REMIND': 'reject', 'T-CHANGE': 'reject' }))
    expect(calls).toEqual([['activity.signUp', { id: 'e1', answers: {} }]])
    expect(callsOf('message.subscribe')).toHaveLength(0)
  })

  it('signs up all the same when WeChat refuses the request', async () => {
    const calls = await signUpWith(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail' }))
    expect(calls).toEqual([['activity.signUp', { id: 'e1', answers: {} }]])
  })
})
