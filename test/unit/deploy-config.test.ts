import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { functionNames } from '../../scripts/function-names'
import { createIndexRequests } from '../../scripts/database-plan'
import { FUNCTION_NAMES } from '@shared/contract'
import collections from '../../cloudfunctions/collections.json'

const root = join(__dirname, '..', '..')
const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; envVariables: Record<string, string> }[] }

describe('deployment configuration matches the code', () => {
  it('every function folder is deployed by cloudbaserc.json, with its secret', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames())
    for (const f of rc.functions) expect(f.envVariables.UNION_CODE_SECRET).toBe('{{env.UNION_CODE_SECRET}}')
  })

  it('every function of the contract has a folder', () => {
    expect([...FUNCTION_NAMES].sort()).toEqual(functionNames())
  })

  it('unique indexes reach the management API as unique', () => {
    const requests = createIndexRequests(collections.collections.members.indexes as never)
    expect(requests.find((r) => r.IndexName === 'union_memberNo')).toEqual({
      IndexName: 'union_memberNo',
      MgoKeySchema: {
        MgoIndexKeys: [
          { Name: 'unionId', Direction: '1' },
          { Name: 'memberNo', Direction: '1' },
        ],
        MgoIsUnique: true,
      },
    })
  })
})
