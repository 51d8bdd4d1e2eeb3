import { join } from 'node:path'
import { runTimers, timerTriggers } from '../../emulator/app-host/timers'

describe('local timer triggers', () => {
  it('lists the timers cloudbaserc.json declares', () => {
    expect(timerTriggers(join(__dirname, '../../cloudbaserc.json'))).toEqual(
      expect.arrayContaining([
        { functionName: 'activity', triggerName: 'remind' },
        { functionName: 'activity', triggerName: 'draw' },
      ]),
    )
  })

  it('calls each as the platform does: a Timer event and no WeChat user', async () => {
    const calls: { event: { Type: string; TriggerName: string }; openid: string | undefined }[] = []
    const logged: string[] = []
    const stop = runTimers(
      [
        { functionName: 'activity', triggerName: 'draw' },
        { functionName: 'gone', triggerName: 'x' },
      ],
      (name) =>
        name === 'activity'
          ? async (event, context) => {
              calls.push({ event: event as never, openid: JSON.parse((context as { environment: string }).environment).WX_OPENID })
              return { ok: false, error: { code: 'INTERNAL' } }
            }
          : undefined,
      5,
      (line) => logged.push(line),
    )
    await new Promise((r) => setTimeout(r, 60))
    stop()
    expect(calls.length).toBeGreaterThan(0)
    expect(calls[0]).toEqual({ event: expect.objectContaining({ Type: 'Timer', TriggerName: 'draw' }), openid: undefined })
    expect(logged[0]).toBe('定时任务 activity/draw 失败：{"code":"INTERNAL"}')
  })
})
