import { createHash } from 'node:crypto'

/**
 * Ids derived from what makes a record unique, so a retried or concurrent import that creates the
 * same member or department collides on `_id` instead of writing a second copy.
 */
const digest = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 24)

export const memberIdFor = (unionId: string, memberNo: string) => `m_${digest(`${unionId}:${memberNo}`)}`
export const departmentIdFor = (unionId: string, name: string) => `d_${digest(`${unionId}:${name}`)}`
