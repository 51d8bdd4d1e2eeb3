/**
 * The backend as a client test sees it. Every page test mocks services/cloud's callAction (the one
 * caller of the backend) before anything imports it:
 *
 *   jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))
 *
 * and then answers calls through `serve`.
 */
import { ActionError, callAction } from '../../../client/src/services/cloud'

export const mockedCall = callAction as jest.MockedFunction<typeof callAction>

/** What the backend answers, by action name: the answer's data, or a throw for a refusal. */
export type Answers = Record<string, (input: any) => unknown>

/** Answers by action name, whatever order the page calls in; an answer that throws is a refusal, an action with no answer is refused NOT_FOUND. */
export function serve(answers: Answers): void {
  mockedCall.mockImplementation(((name: string, input: unknown) => {
    const answer = answers[name]
    if (!answer) return Promise.reject(new ActionError('NOT_FOUND', `no answer for ${name}`))
    try {
      return Promise.resolve(answer(input))
    } catch (err) {
      return Promise.reject(err)
    }
  }) as never)
}

/** Every call of one action, as [name, input, options]. */
export const callsOf = (name: string) => mockedCall.mock.calls.filter(([n]) => n === name)

/** The input of the latest call of an action. */
export const lastInput = (name: string) => callsOf(name).at(-1)?.[1]

/** How many times each action was called. */
export const callCounts = () => mockedCall.mock.calls.reduce<Record<string, number>>((all, [name]) => ({ ...all, [name]: (all[name] ?? 0) + 1 }), {})

/** A paged list's answer holding `items` on its first page. */
export const pageOf = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
