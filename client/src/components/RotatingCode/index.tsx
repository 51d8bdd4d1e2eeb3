import { memo, useMemo } from 'react'
import { View } from '@tarojs/components'
import { useBrightScreen } from '../../hooks/useBrightScreen'
import { LoadingState } from '../LoadingState'
import { ErrorState } from '../ErrorState'
import type { EmptyArt } from '../EmptyState'
import { qrMatrix } from './qr'
import { countdownText, spacedCode } from './code-text'
import type { RotatingCodeState } from './useRotatingCode'
import './index.scss'

/** What one screen says around its code, and the names its parts had before the three screens shared this component. */
export interface RotatingCodeScreen {
  /** What a screen reader calls the QR code. */
  readonly label: string
  /** Under the placeholder while the first code is on its way. */
  readonly loadingText?: string
  /** Who to show it to and what to do when the scan fails. */
  readonly note: string
  /** The art of the error screen when there is no code to show. */
  readonly art: EmptyArt
  /** Its tests and browser tests still find the parts by these (`qr` also names the bars: `${qr}__bar`). */
  readonly names: { readonly qr: string; readonly digits: string; readonly countdown: string }
  /** A smaller code under something the screen shows first (the member card). */
  readonly compact?: boolean
}

export interface RotatingCodeProps {
  /** The code to show; undefined while the first one is on its way (or when there is none: `state.error` says why). */
  code: { readonly token: string; readonly shortCode: string } | undefined
  state: Pick<RotatingCodeState<unknown>, 'error' | 'secondsLeft' | 'refresh'>
  screen: RotatingCodeScreen
}

/**
 * A signed, short-lived code as a QR code for a scanner and six digits to read out, with the
 * countdown to the next one and a way to get it now, on a brightened screen. Before the first code:
 * a placeholder, or the reason there is none.
 */
export function RotatingCode({ code, state: { error, secondsLeft, refresh }, screen }: RotatingCodeProps) {
  const { names } = screen
  useBrightScreen(Boolean(code))
  if (!code && error) return <ErrorState error={error} onRetry={refresh} art={screen.art} />
  return (
    <View className={screen.compact ? 'rotating-code rotating-code--compact' : 'rotating-code'}>
      {code ? (
        <>
          <QrCode text={code.token} label={screen.label} name={names.qr} />
          <View className={`rotating-code__digits ${names.digits}`} data-code={code.shortCode}>
            {spacedCode(code.shortCode)}
          </View>
          <View className={`rotating-code__countdown ${names.countdown}`}>
            {countdownText(error, secondsLeft)}
            <View className="rotating-code__refresh" onClick={refresh}>
              立即刷新
            </View>
          </View>
        </>
      ) : (
        <LoadingState rows={3} text={screen.loadingText ?? '正在生成二维码…'} />
      )}
      <View className="rotating-code__note">{screen.note}</View>
    </View>
  )
}

/**
 * The QR code drawn with Views, no canvas: one bar per dark run of a row, placed in percent of the
 * side, inside a quiet zone of four modules as scanners expect. Memoised on the text: the countdown
 * re-renders every second, the code changes every 30.
 */
const QrCode = memo(function QrCode({ text, label, name }: { text: string; label: string; name: string }) {
  const { size, runs } = useMemo(() => qrMatrix(text), [text])
  const side = size + 8
  const pct = (n: number) => `${((n / side) * 100).toFixed(4)}%`
  return (
    <View className={`rotating-code__qr ${name}`} aria-label={label}>
      {runs.map((r) => (
        <View
          key={`${r.row}:${r.col}`}
          className={`rotating-code__bar ${name}__bar`}
          // A hair taller and wider than exact, so no seams show between rows on odd pixel ratios.
          style={{ top: pct(r.row + 4), left: pct(r.col + 4), width: `calc(${pct(r.length)} + 0.5px)`, height: `calc(${pct(1)} + 0.5px)` }}
        />
      ))}
    </View>
  )
})
