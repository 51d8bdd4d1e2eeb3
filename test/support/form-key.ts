import { randomUUID } from 'node:crypto'

/** A form's key as a client makes one (one per form: the same key sent again is the same create). */
export const newKey = () => randomUUID().replace(/-/g, '')
