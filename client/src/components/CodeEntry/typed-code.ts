/** What a box for a member's six digits keeps: the shared rule the server checks against. */
export { SHORT_CODE_DIGITS, typedCode } from '@shared/domain/short-code'
