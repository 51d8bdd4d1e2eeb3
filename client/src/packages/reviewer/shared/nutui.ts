/**
 * NutUI parts the reviewer pages use. The checkbox already ships in the main package (the group
 * page uses it), so reusing it here adds nothing; nothing else is needed.
 */
export { Checkbox } from '../../../ui/nutui'
