import qrcode from 'qrcode-generator'

/** One dark run of a QR row: `length` modules from column `col`. */
export interface QrRun {
  readonly row: number
  readonly col: number
  readonly length: number
}

export interface QrMatrix {
  /** Modules per side. */
  readonly size: number
  /** Dark modules merged along each row, so a code draws with a few hundred Views and no canvas. */
  readonly runs: readonly QrRun[]
}

/** The QR code of `text` (byte mode, error correction M, smallest version that fits). */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const runs: QrRun[] = []
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!qr.isDark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < size && qr.isDark(row, col)) col++
      runs.push({ row, col: start, length: col - start })
    }
  }
  return { size, runs }
}
