import fs from 'node:fs'

/** fs.writeSync may write less than asked; loop until the whole buffer is in the file. */
export function writeAll(fd: number, buf: Buffer): void {
  let off = 0
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off)
}

/** fsync a directory, so a rename, a new file or an unlink in it survives a power cut. */
export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
