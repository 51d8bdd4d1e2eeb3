import { createMain, type Router } from '../_lib/entry'
import { getPolicy } from './handlers/get-policy'
import { savePolicy } from './handlers/save-policy'
import { policyHistory } from './handlers/policy-history'
import { submitRequest } from './handlers/submit-request'
import { myRequests } from './handlers/my-requests'
import { getRequest } from './handlers/get-request'
import { withdrawRequest } from './handlers/withdraw-request'
import { resubmitRequest } from './handlers/resubmit-request'
import { findColleagues } from './handlers/find-colleagues'
import { reviewQueue } from './handlers/review-queue'
import { takeRequest } from './handlers/take-request'
import { approveRequest } from './handlers/approve-request'
import { returnRequest } from './handlers/return-request'
import { rejectRequest } from './handlers/reject-request'
import { recordPayment } from './handlers/record-payment'
import { listFiles } from './handlers/list-files'
import { getFile } from './handlers/get-file'
import { saveFile } from './handlers/save-file'
import { addVisit } from './handlers/add-visit'
import { hourly } from './timers/hourly'

export const router: Router<'hardship'> = {
  policy: getPolicy,
  savePolicy,
  policyHistory,
  submit: submitRequest,
  mine: myRequests,
  get: getRequest,
  withdraw: withdrawRequest,
  resubmit: resubmitRequest,
  colleagues: findColleagues,
  queue: reviewQueue,
  take: takeRequest,
  approve: approveRequest,
  return: returnRequest,
  reject: rejectRequest,
  pay: recordPayment,
  files: listFiles,
  file: getFile,
  saveFile,
  addVisit,
}

export const main = createMain('hardship', router, { timers: { reviewDue: hourly } })
