/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** Build-time constant: true only in the h5 build made with UNION_LOCAL=1 (local CloudBase emulator). */
declare const LOCAL_MODE: boolean

// Optional keys only: the root tsconfig type-checks Node scripts too, which build env objects.
declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for (optional: this tsconfig also covers Node code). */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
    /** CloudBase environment id; empty means the mini-program's default environment. */
    CLOUD_ENV?: string
    TARO_APP_ID?: string
  }
}
