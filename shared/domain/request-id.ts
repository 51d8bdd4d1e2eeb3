/**
 * One maker of the keys a client sends so the server knows the same request sent again: a form's
 * key (one per form: a request, an event, an expense claim) and a redemption's requestId (one per
 * confirmation). Randomness first (any prefix of it is as unlikely to repeat as the whole), then
 * the time: 8–64 of A–Z a–z 0–9 _ -, as the contract's `formKey` schema accepts. `now` and
 * `random` come in so tests can pin them.
 */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = ''
  while (tail.length < 16) tail += Math.floor(random() * 36).toString(36)
  return `${tail}${now.toString(36)}`
}
