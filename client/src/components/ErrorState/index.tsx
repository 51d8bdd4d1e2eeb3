import Taro from '@tarojs/taro'
import { ERROR_MESSAGES } from '@shared/contract/errors'
import type { ActionError } from '../../services/cloud'
import { Button } from '../../ui/nutui'
import { EmptyState, type EmptyArt } from '../EmptyState'
import { ROUTES } from '../../constants/routes'

export interface ErrorStateProps {
  error: ActionError
  onRetry?: () => void
  art?: EmptyArt
}

interface Wording {
  title: string
  description?: string
  retry: boolean
  /** Not bound yet: offer the way to the bind page instead of a retry. */
  bind?: boolean
  /** Trying again cannot help (gone, not allowed, a bad link): offer a way out instead. */
  leave?: boolean
}

/** Turns a failed call into words for a member and, where trying again can help, a retry button. */
export function describeError(error: ActionError): Wording {
  switch (error.code) {
    case 'NOT_BOUND':
      return { title: ERROR_MESSAGES.NOT_BOUND, description: '绑定后就可以报名活动、加入兴趣小组、领取工会福利了', retry: false, bind: true }
    case 'UNAUTHENTICATED':
      // In the local demo nobody is signed in until an account is picked; this branch is removed from other builds.
      if (process.env.TARO_ENV === 'h5' && LOCAL_MODE) {
        return { title: '请选择一个演示账号登录', description: '点击页面下方的按钮，选一位会员进入体验', retry: false }
      }
      return { title: error.message || ERROR_MESSAGES.UNAUTHENTICATED, retry: true }
    case 'FORBIDDEN':
      return { title: error.message || ERROR_MESSAGES.FORBIDDEN, retry: false, leave: true }
    case 'NOT_FOUND':
      return { title: error.message || ERROR_MESSAGES.NOT_FOUND, description: '可能已被删除，或链接有误', retry: false, leave: true }
    case 'INVALID_ARGUMENT':
      return { title: error.message || ERROR_MESSAGES.INVALID_ARGUMENT, description: '链接可能不完整，请从列表重新进入', retry: false, leave: true }
    default:
      return { title: error.message || ERROR_MESSAGES.INTERNAL, retry: true }
  }
}

/** 返回 when there is a page under this one, else 回到首页 (a shared link opened on its own). */
function leaveAction(): { label: string; go: () => void } {
  const depth = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages().length : 1
  return depth > 1 ? { label: '返回', go: () => void Taro.navigateBack() } : { label: '回到首页', go: () => void Taro.switchTab({ url: ROUTES.home }) }
}

export function ErrorState({ error, onRetry, art }: ErrorStateProps) {
  const { title, description, retry, bind, leave } = describeError(error)
  const way = leave ? leaveAction() : null
  return (
    <EmptyState className="error-state" title={title} description={description} art={art}>
      {bind ? (
        <Button className="bind-entry" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}>
          去绑定会员身份
        </Button>
      ) : way ? (
        <Button className="error-state__leave" type="primary" fill="outline" size="small" onClick={way.go}>
          {way.label}
        </Button>
      ) : retry && onRetry ? (
        <Button className="error-state__retry" type="primary" fill="outline" size="small" onClick={onRetry}>
          再试一次
        </Button>
      ) : null}
    </EmptyState>
  )
}

export default ErrorState
