/** The HTTP surface: routing, limits, malformed requests, mounting, the declared collections. */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import * as cloudbase from '@cloudbase/node-sdk'
import { createLocalCloudbase } from '../../emulator/cloudbase-server'
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf, expectDuplicateKey } from './fixtures'

describe('standalone server', () => {
  let cb: LocalCloudbaseFixture
  beforeAll(async () => {
    cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
  })
  afterAll(() => cb.close())

  const post = (body: string) => fetch(cb.server.adminUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' } })

  test('bodies over 10 MB get 413', async () => {
    const res = await post(' '.repeat(10 * 1024 * 1024 + 1))
    expect(res.status).toBe(413)
  })

  test('malformed JSON and unknown actions are INVALID_PARAM replies', async () => {
    expect(await (await post('{nope')).json()).toMatchObject({ code: 'INVALID_PARAM' })
    expect(await (await post(JSON.stringify({ action: 'database.dropEverything' }))).json()).toMatchObject({ code: 'INVALID_PARAM' })
    expect(await (await post(JSON.stringify({ action: 'functions.invoke' }))).json()).toMatchObject({ code: 'INVALID_PARAM' })
  })

  test('only POST /admin', async () => {
    expect((await fetch(cb.server.adminUrl)).status).toBe(405)
    expect((await fetch(`${cb.server.url}/elsewhere`)).status).toBe(404)
  })

  test('stats count database round trips per action', async () => {
    const before = { ...cb.server.stats.byAction }
    const trips = cb.server.stats.roundTrips
    await cb.db.collection('items').add({ a: 1 })
    await cb.db.collection('items').where({ a: 1 }).get()
    await cb.db.collection('items').count()
    expect(cb.server.stats.roundTrips - trips).toBe(3)
    expect(cb.server.stats.byAction['database.insertDocument']).toBe((before['database.insertDocument'] ?? 0) + 1)
    expect(cb.server.stats.byAction['database.calculateDocument']).toBe((before['database.calculateDocument'] ?? 0) + 1)
  })

  test('init with an explicit serviceUrl reaches it too', async () => {
    const app = cloudbase.init({ env: 'local', serviceUrl: cb.server.adminUrl, secretId: 'local', secretKey: 'local' })
    await app.database().collection('items').doc('via-service-url').set({ ok: true })
    expect((await cb.db.collection('items').doc('via-service-url').get()).data).toEqual([{ _id: 'via-service-url', ok: true }])
  })
})

test('the declared collections.json is the default, with its unique indexes', async () => {
  const cb = await withLocalCloudbase()
  try {
    const members = cb.db.collection('members')
    await members.add({ unionId: 'u1', memberNo: 'M001', name: '张三' })
    expectDuplicateKey(await errorOf(members.add({ unionId: 'u1', memberNo: 'M001', name: '李四' })))
    await members.add({ unionId: 'u2', memberNo: 'M001', name: '王五' })
    expect((await members.count()).total).toBe(2)
    expect((await errorOf(cb.db.collection('undeclared').get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  } finally {
    await cb.close()
  }
})

test('a data dir serves one server at a time', async () => {
  const cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
  try {
    await expect(createLocalCloudbase({ dataDir: cb.dataDir, collections: TEST_COLLECTIONS, publicUrl: () => '' })).rejects.toThrow(/in use/)
  } finally {
    await cb.close()
  }
  // Released on close (the fixture also removed the dir; it is recreated empty).
  const again = await createLocalCloudbase({ dataDir: cb.dataDir, collections: TEST_COLLECTIONS, publicUrl: () => '' })
  await again.close()
  fs.rmSync(cb.dataDir, { recursive: true, force: true })
})

test('createLocalCloudbase mounts inside another server and leaves other routes alone', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloudbase-mount-'))
  let url = ''
  const cloud = await createLocalCloudbase({ dataDir, collections: TEST_COLLECTIONS.collections, publicUrl: () => url })
  const server = http.createServer(async (req, res) => {
    if (await cloud.handle(req, res)) return
    res.writeHead(418).end('mine')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    expect(await (await fetch(`${url}/fn/hello`)).text()).toBe('mine')
    const app = cloudbase.init({ env: 'local', serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local' })
    await app.database().collection('items').add({ _id: 'mounted' })
    expect(cloud.stats.byAction['database.insertDocument']).toBe(1)
    const { fileID } = await app.uploadFile({ cloudPath: 'm/x.txt', fileContent: Buffer.from('hi') })
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] })
    expect(fileList[0].tempFileURL.startsWith(`${url}/storage/m/x.txt?`)).toBe(true)
    expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('hi')
  } finally {
    const closed = new Promise((r) => server.close(r))
    server.closeAllConnections()
    await closed
    await cloud.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
