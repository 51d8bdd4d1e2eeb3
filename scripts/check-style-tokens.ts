/**
 * Colours live in one place: client/src/styles/_tokens.scss. Anywhere else in client/src a raw colour
 * (a hex, rgb()/hsl() with numbers, a named colour such as `white`) is a copy that drifts, so this
 * check lists each one as file:line and exits 1. It reads declaration values in .scss files and the
 * inline `style=` props and colour strings of .tsx/.ts files (WeChat's colour values come from
 * styles/colors.ts, held equal to the tokens); `rgba($token, 0.5)` and `transparent` are fine.
 * Run by `npm run lint`; alone: `npx tsx scripts/check-style-tokens.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

const ROOT = join(__dirname, '..')
const CLIENT_SRC = join(ROOT, 'client', 'src')
export const TOKENS_FILE = 'client/src/styles/_tokens.scss'
/** Its values for WeChat's APIs and page configs, which take colours as strings. */
export const COLORS_FILE = 'client/src/styles/colors.ts'

// CSS named colours (CSS Color 4), without `transparent` and `currentcolor`, which name no colour.
const NAMED = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
  cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
  darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
  darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
  firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
  hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
  lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid
  mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
  mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen
  paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown
  royalblue saddlebrown salmon seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
  steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/),
)

const HEX = /(?<![\w&-])#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![\w-])/gi
// A colour function given numbers (or a hex): rgba($brand, 0.18) derives from a token and passes.
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[\d.#][^)]*\)/gi
const WORD = /(?<![\w$@.#-])[a-z]+(?![\w(-])/gi

export interface RawColour {
  line: number
  colour: string
}

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length

// Blank out comments (keeping line breaks) so their prose is not read as colours.
const withoutComments = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:])\/\/[^\n]*/g, (c, before: string) => before + ' '.repeat(c.length - before.length))

// Blank out quoted strings: a font name or a content string is not a colour.
const withoutStrings = (text: string): string => text.replace(/(['"])(?:\\.|(?!\1)[^\\\n])*\1/g, (s) => ' '.repeat(s.length))

function coloursIn(value: string, offset: number, source: string, namedToo: boolean): RawColour[] {
  const found: RawColour[] = []
  for (const re of [HEX, COLOUR_FUNCTION]) {
    for (const m of value.matchAll(re)) found.push({ line: lineAt(source, offset + m.index!), colour: m[0] })
  }
  if (namedToo) {
    for (const m of value.matchAll(WORD)) {
      if (NAMED.has(m[0].toLowerCase())) found.push({ line: lineAt(source, offset + m.index!), colour: m[0] })
    }
  }
  return found
}

/** Raw colours in a stylesheet's declaration values (`prop: value;`, including Sass variables and arguments). */
export function rawColoursInScss(text: string): RawColour[] {
  const source = withoutComments(text)
  const found: RawColour[] = []
  // A declaration runs from its property to `;` or `}`; a selector (`&:last-child {`) never reaches either.
  for (const m of source.matchAll(/([$\w-]+)\s*:\s*([^;{}]*)(?=[;}])/g)) {
    const valueStart = m.index! + m[0].length - m[2].length
    found.push(...coloursIn(withoutStrings(m[2]), valueStart, source, true))
  }
  return found.sort((a, b) => a.line - b.line)
}

/** Raw colours in the inline `style=` props of a component: `style={{ color: '#fff' }}`, `style="color: red"`. */
export function rawColoursInInlineStyles(text: string): RawColour[] {
  const source = withoutComments(text)
  const found: RawColour[] = []
  for (const m of source.matchAll(/\bstyle=(\{|"|')/g)) {
    const start = m.index! + m[0].length
    let end = start
    if (m[1] === '{') {
      for (let depth = 1; end < source.length && depth > 0; end++) depth += source[end] === '{' ? 1 : source[end] === '}' ? -1 : 0
    } else {
      end = source.indexOf(m[1], start)
    }
    const style = source.slice(start, end)
    found.push(...coloursIn(style, start, source, false))
    // Named colours count inside string values only: `color: 'white'`, not a variable called `red`.
    for (const s of style.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
      for (const w of s[2].matchAll(WORD)) {
        if (NAMED.has(w[0].toLowerCase())) found.push({ line: lineAt(source, start + s.index! + 1 + w.index!), colour: w[0] })
      }
    }
    if (m[1] !== '{') {
      for (const w of style.matchAll(WORD)) if (NAMED.has(w[0].toLowerCase())) found.push({ line: lineAt(source, start + w.index!), colour: w[0] })
    }
  }
  return found.sort((a, b) => a.line - b.line)
}

/**
 * Colour strings anywhere in code: `confirmColor: '#c8161d'`, `color="#c8161d"`, a page config's
 * `navigationBarBackgroundColor` — WeChat takes them as values, so they come from styles/colors.ts.
 */
export function rawColourLiterals(text: string): RawColour[] {
  const source = withoutComments(text)
  const found: RawColour[] = []
  for (const m of source.matchAll(/(['"`])(#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4}))\1/gi)) found.push({ line: lineAt(source, m.index!), colour: m[2] })
  return found
}

/** Every raw colour in client/src outside the tokens file (and its values for WeChat), as `path:line  colour`. */
export function checkClientStyles(root: string = ROOT): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]))
  const problems: string[] = []
  for (const file of files(join(root, 'client', 'src'))) {
    const path = relative(root, file).split(sep).join('/')
    if (path === TOKENS_FILE || path === COLORS_FILE) continue
    const inCode = (text: string) => [...rawColoursInInlineStyles(text), ...rawColourLiterals(text)]
    const check = path.endsWith('.scss') ? rawColoursInScss : /\.tsx?$/.test(path) ? inCode : undefined
    if (!check) continue
    for (const { line, colour } of check(readFileSync(file, 'utf8'))) problems.push(`${path}:${line}  ${colour}`)
  }
  return problems
}

if (require.main === module) {
  const problems = checkClientStyles()
  if (problems.length) {
    console.error(`Raw colours outside ${TOKENS_FILE} (use a token from it, or add one there):`)
    for (const p of problems) console.error(`  ${p}`)
    process.exit(1)
  }
  console.log(`style tokens: no raw colour in ${relative(ROOT, CLIENT_SRC)} outside ${TOKENS_FILE}`)
}
