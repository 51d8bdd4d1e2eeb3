/**
 * Each WeChat user uploads into their own folder (the client learns it from member.me), so a
 * function can tell whose file a fileID is before attaching it to anything.
 */
export const uploadFolderOf = (openid: string): string => `uploads/${openid}`
