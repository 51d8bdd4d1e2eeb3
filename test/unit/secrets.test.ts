import { loadSecrets } from '../../cloudfunctions/_lib/secrets'

describe('function secrets', () => {
  const saved = process.env.UNION_CODE_SECRET
  afterEach(() => {
    if (saved === undefined) delete process.env.UNION_CODE_SECRET
    else process.env.UNION_CODE_SECRET = saved
  })

  it('refuses a missing or short secret, naming it', () => {
    expect(() => loadSecrets({ UNION_CODE_SECRET: 'short' })).toThrow('function configuration is missing or too short: UNION_CODE_SECRET')
    expect(() => loadSecrets({})).toThrow('UNION_CODE_SECRET')
  })

  it('follows the configured value when it changes (one process hosting several local platforms in turn)', () => {
    process.env.UNION_CODE_SECRET = 'a'.repeat(32)
    expect(loadSecrets().codeSigning).toBe('a'.repeat(32))
    process.env.UNION_CODE_SECRET = 'b'.repeat(32)
    expect(loadSecrets().codeSigning).toBe('b'.repeat(32))
  })
})
