import type { AppServer, CallResult } from './app-server'

/** One WeChat user calling actions: `admin('activity.get', { id })`. */
export type Caller = (name: string, data?: object) => Promise<CallResult>

export const callerAs =
  (app: AppServer, openid: string): Caller =>
  (name, data = {}) =>
    app.call(name, data, openid)

/** The same user answered with the envelope alone (`{ ok, data }` or `{ ok, error }`), for files that never look at status or writes. */
export const envelopeOf =
  (caller: Caller) =>
  async (name: string, data: object = {}): Promise<any> =>
    (await caller(name, data)).body

/** The demo union's accounts (emulator/app-host/demo-data.ts), each as a caller. */
export const demoCallers = (app: AppServer) => ({
  /** 张伟, union admin. */
  admin: callerAs(app, 'demo-admin'),
  /** 李娜, leads 财务科. */
  leader: callerAs(app, 'demo-leader'),
  /** 刘洋, 信息中心, no role. */
  member: callerAs(app, 'demo-member'),
  /** 陈静, 经费审查. */
  auditor: callerAs(app, 'demo-auditor'),
  /** 王芳, redeems vouchers at 工会办公室 and the cake shop. */
  redeemer: callerAs(app, 'demo-redeemer'),
  /** 韩冰, 帮扶审核. */
  reviewer: callerAs(app, 'demo-reviewer'),
})

/** demoCallers answering with the envelope alone. */
export const demoEnvelopeCallers = (app: AppServer) => {
  const c = demoCallers(app)
  return {
    admin: envelopeOf(c.admin),
    leader: envelopeOf(c.leader),
    member: envelopeOf(c.member),
    auditor: envelopeOf(c.auditor),
    redeemer: envelopeOf(c.redeemer),
    reviewer: envelopeOf(c.reviewer),
  }
}
