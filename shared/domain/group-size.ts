/**
 * An interest group's 人数上限 never cuts below the members it has: the admin's form says so
 * before saving, group.update refuses it in the same words.
 */
export const sizeLimitBelowMembers = (members: number): string => `人数上限不能少于现有的 ${members} 人`

export const sizeLimitRefusal = (sizeLimit: number, members: number): string | null => (sizeLimit < members ? sizeLimitBelowMembers(members) : null)
