/**
 * The colours that WeChat's APIs and page configs take as values (showModal's confirmColor, a
 * Switch's colour, title bars and the tab bar), which no stylesheet can reach. Each is a token of
 * styles/_tokens.scss under the same name; test/unit/style-tokens.test.ts holds them equal.
 * Hex in full (#ffffff): page configs want six digits.
 */
export const COLORS = {
  brand: '#c8161d',
  onBrand: '#ffffff',
  muted: '#8a8f99',
  pageBg: '#f5f6f8',
  card: '#ffffff',
} as const
