/**
 * Creates every declared collection and index in a CloudBase environment:
 *   TCB_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run deploy:database
 * Safe to run again: existing collections and indexes are left as they are.
 */
import CloudBase from '@cloudbase/manager-node'
import collections from '../cloudfunctions/collections.json'
import { createIndexRequests, type CollectionsSpec } from './database-plan'

async function main() {
  const { TCB_ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (!envId || !secretId || !secretKey) throw new Error('需要环境变量 TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY')
  const { database } = new CloudBase({ envId, secretId, secretKey })
  for (const [name, spec] of Object.entries(collections.collections as unknown as CollectionsSpec)) {
    await database.createCollectionIfNotExists(name)
    const missing = []
    for (const request of createIndexRequests(spec.indexes)) {
      const { Exists } = await database.checkIndexExists(name, request.IndexName)
      if (!Exists) missing.push(request)
    }
    if (missing.length) await database.updateCollection(name, { CreateIndexes: missing })
    console.log(`${name}: 集合就绪，新建索引 ${missing.length} 个`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
