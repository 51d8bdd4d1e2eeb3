import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkClientStyles, rawColourLiterals, rawColoursInInlineStyles, rawColoursInScss } from '../../scripts/check-style-tokens'
import { COLORS } from '../../client/src/styles/colors'

const colours = (found: Array<{ line: number; colour: string }>) => found.map((f) => `${f.line} ${f.colour}`)

describe('the style-token check (scripts/check-style-tokens.ts)', () => {
  it('finds hex, numeric rgb()/hsl() and named colours in declaration values, with their lines', () => {
    const scss = [
      '.card {',
      '  background: #fff;',
      '  color: White;',
      '  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.06);',
      '  border: 1px solid hsl(0 0% 90%);',
      '  $accent: #C8161D;',
      '  @include tag($color: red);',
      '}',
    ].join('\n')
    expect(colours(rawColoursInScss(scss))).toEqual(['2 #fff', '3 White', '4 rgba(0, 0, 0, 0.06)', '5 hsl(0 0% 90%)', '6 #C8161D', '7 red'])
  })

  it('passes tokens, colours derived from them, selectors, comments and words that only look like colours', () => {
    const scss = [
      "@use '../../styles' as *;",
      '/* White cards on a grey page; #fff is in the tokens. */',
      '#taro-navigation-bar .taro-navigation-bar-title {',
      '  white-space: nowrap;',
      '  color: $brand;',
      '  background: transparent;',
      '  box-shadow: 0 0 0 3px rgba($brand, 0.35);',
      "  font-family: Menlo, 'Courier New', monospace;",
      '  --nutui-#{$name}: #{$value};',
      '  &:last-child {',
      '    border-bottom: 1px solid $line; // not black',
      '  }',
      '  @include tones((interest: brand, department: info));',
      '}',
    ].join('\n')
    expect(rawColoursInScss(scss)).toEqual([])
  })

  it('finds colour literals in inline style props, and nowhere else in a component', () => {
    const tsx = [
      "<View style={{ width: `${w}%`, color: '#c8161d' }} />",
      "<View style={{ background: 'white', height: 2 }} />",
      '<View style="border-color: red" />',
      "<View style={{ boxShadow: 'inset 0 0 0 2px rgba(200, 22, 29, 0.5)' }} />",
      '<Switch color="#c8161d" className="white" />',
      "<View style={{ width: '50%' }} />",
    ].join('\n')
    expect(colours(rawColoursInInlineStyles(tsx))).toEqual(['1 #c8161d', '2 white', '3 red', '4 rgba(200, 22, 29, 0.5)'])
  })

  it('finds colour strings anywhere in code, which WeChat takes as values', () => {
    const code = ["Taro.showModal({ confirmColor: '#c8161d' })", '<Switch color="#c8161d" />', "const name = 'red' // #fff in a comment"].join('\n')
    expect(colours(rawColourLiterals(code))).toEqual(['1 #c8161d', '2 #c8161d'])
  })

  it("keeps WeChat's colour values equal to the tokens of the same name", () => {
    const tokens = readFileSync(join(__dirname, '../../client/src/styles/_tokens.scss'), 'utf8')
    const token = (name: string) => tokens.match(new RegExp(`^\\$${name}:\\s*(#[0-9a-f]+);`, 'mi'))?.[1]
    const full = (hex: string | undefined) => (hex && hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex)
    const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    for (const [key, value] of Object.entries(COLORS)) expect({ key, value }).toEqual({ key, value: full(token(kebab(key))) })
  })

  it('finds no raw colour in client/src outside the tokens file', () => {
    expect(checkClientStyles()).toEqual([])
  })
})
