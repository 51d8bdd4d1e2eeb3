import path from 'node:path'
import { invalidParam } from '../db/errors'

/** The bucket part of every local fileID: cloud://<env>.<bucket>/<cloudPath>. */
export const LOCAL_BUCKET = 'local-bucket'

/**
 * Cloud paths become file names under the storage root and raw URL paths (node-sdk's downloadFile
 * runs encodeURI over the temp URL), so anything that could escape the root or change a URL's
 * meaning — '..', empty segments, backslashes, control characters, '?', '#', '%' — is refused.
 */
export function checkCloudPath(cloudPath: unknown): string {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > 1024) {
    throw invalidParam('cloudPath must be a non-empty string of at most 1024 characters')
  }
  if (/[\u0000-\u001f\u007f\\?#%]/.test(cloudPath)) throw invalidParam(`cloudPath ${JSON.stringify(cloudPath)} contains a forbidden character`)
  const segments = cloudPath.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw invalidParam(`cloudPath ${JSON.stringify(cloudPath)} must be relative, without empty, '.' or '..' segments`)
  }
  return cloudPath
}

export function fileIdOf(env: string, cloudPath: string): string {
  return `cloud://${env || 'local'}.${LOCAL_BUCKET}/${cloudPath}`
}

/** The cloud path inside a fileID; env and bucket are not checked (there is one local bucket). */
export function cloudPathOf(fileID: unknown): string {
  const match = typeof fileID === 'string' ? /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID) : null
  if (!match) throw invalidParam(`${JSON.stringify(fileID)} is not a fileID (cloud://<env>.<bucket>/<path>)`)
  return checkCloudPath(match[1])
}

/** Absolute file for a checked cloud path; re-verified to sit under the root as a second guard. */
export function diskPathOf(root: string, cloudPath: string): string {
  const file = path.resolve(root, ...checkCloudPath(cloudPath).split('/'))
  if (!file.startsWith(path.resolve(root) + path.sep)) throw invalidParam('cloudPath escapes the storage root')
  return file
}
