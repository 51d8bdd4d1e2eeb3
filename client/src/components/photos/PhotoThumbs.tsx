import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'

export interface PhotoThumbsProps {
  urls: readonly string[]
  /** The row's class and each picture's, as the page styles them. */
  className: string
  photoClass: string
}

/** Photos as thumbnails (nothing when there are none); a tap opens the viewer on that one, the others beside it. */
export function PhotoThumbs({ urls, className, photoClass }: PhotoThumbsProps) {
  if (!urls.length) return null
  return (
    <View className={className}>
      {urls.map((url) => (
        <Image
          key={url}
          className={photoClass}
          src={url}
          mode="aspectFill"
          lazyLoad
          onClick={() => void Taro.previewImage({ current: url, urls: [...urls] })}
        />
      ))}
    </View>
  )
}

export default PhotoThumbs
