/**
 * A key made once per form (a request, a payment, a visit, an event, an expense claim), sent with
 * it so the server recognises the same form sent again after a lost answer and answers the record
 * it already made. A new form (or the same form after a success) takes a new key.
 */
export function newFormKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}${random()}${random()}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)
}
