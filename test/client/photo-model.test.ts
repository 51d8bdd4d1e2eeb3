/** The photos a form picks and uploads (PhotoGrid's model): what is taken, what is said of the rest, uploading once. */
import { toPhotos, uploadedPhoto, uploadMissing, withFileId, type Photo, type PhotoRules, type TempImage } from '../../client/src/components/photos/photo-model'

const MB = 1024 * 1024
const rules: PhotoRules = { max: 3, maxBytes: 2 * MB }
const weapp = (name: string, size = 1000): TempImage => ({ path: `http://tmp/${name}`, size })
const h5 = (name: string, size = 1000, type = 'image/jpeg'): TempImage => ({
  path: `blob:http://x/${name}`,
  originalFileObj: Object.assign(new Blob(['x'.repeat(size)], { type }), { name }),
})

describe('toPhotos', () => {
  it('uploads the temporary path in WeChat and the File on h5, shown from the path', () => {
    const [fromWeapp] = toPhotos([weapp('a.jpg?x=1')], 0, rules).photos
    expect(fromWeapp).toMatchObject({ name: 'a.jpg', path: 'http://tmp/a.jpg?x=1', preview: 'http://tmp/a.jpg?x=1' })
    expect(fromWeapp.blob).toBeUndefined()
    expect(fromWeapp.fileId).toBeUndefined()

    const file = h5('IMG_1.png')
    const [fromH5] = toPhotos([file], 0, rules).photos
    expect(fromH5).toMatchObject({ name: 'IMG_1.png', preview: 'blob:http://x/IMG_1.png' })
    expect(fromH5.blob).toBe(file.originalFileObj)
    expect(fromH5.path).toBeUndefined()
  })

  it('names a file whose path gives no name by the rules, else photo.jpg', () => {
    expect(toPhotos([{ path: 'http://tmp/' }], 0, rules).photos[0].name).toBe('photo.jpg')
    expect(toPhotos([{ path: 'http://tmp/' }], 0, { ...rules, fallbackName: 'invoice.jpg' }).photos[0].name).toBe('invoice.jpg')
  })

  it('gives every photo its own key, picked or already uploaded', () => {
    const keys = [
      ...toPhotos([weapp('a.jpg'), weapp('a.jpg')], 0, rules).photos,
      ...toPhotos([weapp('a.jpg')], 0, rules).photos,
      uploadedPhoto('cloud://a', 'http://a'),
    ].map((p) => p.key)
    expect(new Set(keys).size).toBe(4)
  })

  it('keeps photos up to the size limit, by the picker’s size or else the File’s', () => {
    const res = toPhotos([weapp('edge.jpg', 2 * MB), weapp('big.jpg', 2 * MB + 1), h5('big-h5.jpg', 2 * MB + 1)], 0, rules)
    expect(res.photos.map((p) => p.name)).toEqual(['edge.jpg'])
    expect(res.refused).toBe('有 2 张照片超过 2 MB，没有加入')
    expect(toPhotos([weapp('big.jpg', 2 * MB + 1)], 0, { ...rules, words: { tooLarge: (n) => `太大了 ${n}` } }).refused).toBe('太大了 1')
  })

  it('keeps what is left of the room and says how many at most', () => {
    const res = toPhotos([weapp('1.jpg'), weapp('2.jpg'), weapp('3.jpg')], 1, rules)
    expect(res.photos.map((p) => p.name)).toEqual(['1.jpg', '2.jpg'])
    expect(res.refused).toBe('最多 3 张照片')
    expect(toPhotos([weapp('1.jpg')], 3, rules)).toEqual({ photos: [], refused: '最多 3 张照片' })
    expect(toPhotos([weapp('1.jpg')], 5, { ...rules, words: { over: '最多 3 张发票照片' } }).refused).toBe('最多 3 张发票照片')
    expect(toPhotos([weapp('1.jpg'), weapp('2.jpg')], 1, rules).refused).toBeNull()
  })

  it('takes any file without `only`; with it, asks by name and type and says the type first', () => {
    expect(toPhotos([weapp('scan.pdf')], 0, rules)).toMatchObject({ photos: [{ name: 'scan.pdf' }], refused: null })

    const asked: [string, string][] = []
    const jpgOnly: PhotoRules = {
      ...rules,
      only: {
        accepts: (name, type) => {
          asked.push([name, type])
          return name.endsWith('.jpg') && (!type || type === 'image/jpeg')
        },
        refusal: (n) => `有 ${n} 个不是 JPG`,
      },
    }
    const res = toPhotos([weapp('a.jpg'), weapp('b.png'), h5('c.jpg', 10, 'image/gif'), weapp('big.jpg', 3 * MB), weapp('d.jpg'), weapp('e.jpg')], 0, jpgOnly)
    expect(asked).toEqual([
      ['a.jpg', ''],
      ['b.png', ''],
      ['c.jpg', 'image/gif'],
      ['big.jpg', ''],
      ['d.jpg', ''],
      ['e.jpg', ''],
    ])
    expect(res.photos.map((p) => p.name)).toEqual(['a.jpg', 'd.jpg', 'e.jpg'])
    expect(res.refused).toBe('有 2 个不是 JPG')
    // The picker's own type counts where there is no File.
    expect(toPhotos([{ ...weapp('a.jpg'), type: 'image/png' }], 0, jpgOnly).refused).toBe('有 1 个不是 JPG')
    // Then the size, then the room.
    expect(toPhotos([weapp('big.jpg', 3 * MB), weapp('a.jpg')], 0, jpgOnly).refused).toBe('有 1 张照片超过 2 MB，没有加入')
  })
})

describe('uploading', () => {
  const photo = (name: string, fileId?: string): Photo => ({ ...toPhotos([weapp(name)], 0, rules).photos[0], ...(fileId ? { fileId } : {}) })

  it('marks one photo uploaded and leaves the others as they were', () => {
    const photos = [photo('a.jpg'), photo('b.jpg')]
    const marked = withFileId(photos, photos[1].key, 'cloud://b')
    expect(marked[1]).toEqual({ ...photos[1], fileId: 'cloud://b' })
    expect(marked[0]).toBe(photos[0])
    expect(photos[1].fileId).toBeUndefined()
  })

  it('uploads in order only the photos without a fileId, with progress, and answers every fileId in order', async () => {
    const photos = [photo('a.jpg'), photo('b.jpg', 'cloud://b'), photo('c.jpg')]
    const upload = jest.fn(async (p: Photo) => `cloud://${p.name}`)
    const events: string[] = []
    const ids = await uploadMissing(photos, upload, {
      uploading: (done, total) => events.push(`${done}/${total}`),
      uploaded: (key, fileId) => events.push(`${key}=${fileId}`),
    })
    expect(ids).toEqual(['cloud://a.jpg', 'cloud://b', 'cloud://c.jpg'])
    expect(upload.mock.calls.map(([p]) => p.name)).toEqual(['a.jpg', 'c.jpg'])
    expect(events).toEqual(['1/3', `${photos[0].key}=cloud://a.jpg`, '2/3', `${photos[2].key}=cloud://c.jpg`])
  })

  it('stops at a failed upload; sending again with the marked photos resumes from it', async () => {
    let photos = [photo('a.jpg'), photo('b.jpg'), photo('c.jpg')]
    const upload = jest.fn(async (p: Photo) => {
      if (p.name === 'b.jpg' && upload.mock.calls.length === 2) throw new Error('offline')
      return `cloud://${p.name}`
    })
    const uploaded = (key: string, fileId: string) => (photos = withFileId(photos, key, fileId))
    await expect(uploadMissing(photos, upload, { uploaded })).rejects.toThrow('offline')
    expect(photos.map((p) => p.fileId)).toEqual(['cloud://a.jpg', undefined, undefined])

    await expect(uploadMissing(photos, upload, { uploaded })).resolves.toEqual(['cloud://a.jpg', 'cloud://b.jpg', 'cloud://c.jpg'])
    expect(upload.mock.calls.map(([p]) => p.name)).toEqual(['a.jpg', 'b.jpg', 'b.jpg', 'c.jpg'])
  })

  it('uploads nothing when every photo is up already, or there are none', async () => {
    const upload = jest.fn(async () => 'cloud://new')
    await expect(uploadMissing([uploadedPhoto('cloud://old', 'http://old')], upload)).resolves.toEqual(['cloud://old'])
    await expect(uploadMissing([], upload)).resolves.toEqual([])
    expect(upload).not.toHaveBeenCalled()
  })
})
