/**
 * A key made once per form (a request, a payment, a visit, an event, an expense claim), sent with
 * it so the server recognises the same form sent again after a lost answer and answers the record
 * it already made. A new form (or the same form after a success) takes a new key.
 */
export { newRequestId as newFormKey } from '@shared/domain/request-id'
