import { createMain, type Router } from '../_lib/entry'
import { getMe } from './handlers/get-me'

export const router: Router<'member'> = {
  me: getMe,
}

export const main = createMain('member', router)
