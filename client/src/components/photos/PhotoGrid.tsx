import type { Dispatch, SetStateAction } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { toPhotos, type Photo, type PhotoRules, type TempImage } from './photo-model'
import './PhotoGrid.scss'

export interface PhotoGridProps {
  /**
   * The page's class names (kept for its styles and tests): `<prefix>-photos` around, each photo
   * `<prefix>-photo` with `__image`, `__remove`, `__done`, and the add tile `<prefix>-photo--add <prefix>-add-photo`.
   */
  prefix: string
  photos: readonly Photo[]
  onChange: Dispatch<SetStateAction<Photo[]>>
  /** How many, how large, which files; and the words for what is left out. */
  rules: PhotoRules
  /** The add tile's words, e.g. 添加发票. */
  addLabel: string
  /** While the form is working (uploading, saving): no adding, no removing. */
  disabled?: boolean
  /** After each pick: what was left out, or null when all was taken. */
  onPicked?: (refused: string | null) => void
}

/** Picked photos as a grid: × removes one, 已上传 marks one uploaded; the last tile picks more (album or camera). */
export function PhotoGrid({ prefix, photos, onChange, rules, addLabel, disabled = false, onPicked }: PhotoGridProps) {
  const choose = async () => {
    if (disabled || photos.length >= rules.max) return
    let files: TempImage[]
    try {
      const res = await Taro.chooseImage({ count: rules.max - photos.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      files = res.tempFiles as unknown as TempImage[]
    } catch {
      return // cancelled
    }
    const { photos: picked, refused } = toPhotos(files, photos.length, rules)
    onChange((all) => [...all, ...picked])
    onPicked?.(refused)
  }

  const c = `${prefix}-photo`
  return (
    <View className={`photo-grid ${prefix}-photos`}>
      {photos.map((p) => (
        <View key={p.key} className={`photo-grid__photo ${c}`}>
          <Image className={`photo-grid__image ${c}__image`} src={p.preview} mode="aspectFill" />
          {disabled ? null : (
            <View className={`photo-grid__remove ${c}__remove`} onClick={() => onChange((all) => all.filter((x) => x.key !== p.key))}>
              ×
            </View>
          )}
          {p.fileId ? <View className={`photo-grid__done ${c}__done`}>已上传</View> : null}
        </View>
      ))}
      {photos.length < rules.max && !disabled ? (
        <View className={`photo-grid__photo photo-grid__photo--add ${c} ${c}--add ${prefix}-add-photo`} onClick={() => void choose()}>
          <View className={`photo-grid__plus ${c}__plus`}>＋</View>
          <View className={`photo-grid__hint ${c}__hint`}>{addLabel}</View>
        </View>
      ) : null}
    </View>
  )
}

export default PhotoGrid
