import { memo, useMemo } from 'react'
import { View } from '@tarojs/components'
// The same QR drawing the check-in code uses (qrcode-generator, error correction M), no canvas needed.
import { qrMatrix } from '../activity/qr'
import './QrCode.scss'

/**
 * The voucher's QR code drawn with Views: one bar per dark run of a row, placed in percent of the
 * side, inside a quiet zone of four modules. Memoised on the text: the countdown re-renders every
 * second, the code changes every 30.
 */
export const QrCode = memo(function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, runs } = useMemo(() => qrMatrix(text), [text])
  const side = size + 8
  const pct = (n: number) => `${((n / side) * 100).toFixed(4)}%`
  return (
    <View className={['benefit-qr', className].filter(Boolean).join(' ')} aria-label={label} data-modules={size}>
      {runs.map((r) => (
        <View
          key={`${r.row}:${r.col}`}
          className="benefit-qr__bar"
          // A hair taller and wider than exact, so no seams show between rows on odd pixel ratios.
          style={{ top: pct(r.row + 4), left: pct(r.col + 4), width: `calc(${pct(r.length)} + 0.5px)`, height: `calc(${pct(1)} + 0.5px)` }}
        />
      ))}
    </View>
  )
})
