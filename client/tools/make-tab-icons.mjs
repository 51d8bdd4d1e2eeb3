/**
 * Draws the five tab-bar icons as small PNGs (81×81, line style), grey and union red.
 * No image tools needed: shapes are signed-distance tests, 4×4 supersampled, written with zlib.
 * Run: node client/tools/make-tab-icons.mjs   (writes client/src/assets/tabbar/*.png)
 */
import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const W = 5.5 // stroke width in px
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar')
const COLORS = { '': [0x8a, 0x8f, 0x99], '-active': [0xc8, 0x16, 0x1d] }

// --- distance helpers (negative inside) ---
const segment = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax,
    dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - ax - t * dx, py - ay - t * dy)
}
const line = (pts) => (x, y) => {
  let d = Infinity
  for (let i = 0; i < pts.length - 1; i++) d = Math.min(d, segment(x, y, ...pts[i], ...pts[i + 1]))
  return d - W / 2
}
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - W / 2
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2,
    hx = (x1 - x0) / 2 - r,
    hy = (y1 - y0) / 2 - r
  const qx = Math.abs(x - cx) - hx,
    qy = Math.abs(y - cy) - hy
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  return Math.abs(outside) - W / 2
}
const arc = (cx, cy, r, from, to) => (x, y) => {
  // upper half-ellipse style shoulders: an arc between two angles (radians, y down)
  let a = Math.atan2(y - cy, x - cx)
  if (a < from) a += Math.PI * 2
  if (a >= from && a <= to) return Math.abs(Math.hypot(x - cx, y - cy) - r) - W / 2
  const p = (t) => [cx + r * Math.cos(t), cy + r * Math.sin(t)]
  const [ax, ay] = p(from),
    [bx, by] = p(to)
  return Math.min(Math.hypot(x - ax, y - ay), Math.hypot(x - bx, y - by)) - W / 2
}
const union =
  (...fs) =>
  (x, y) =>
    Math.min(...fs.map((f) => f(x, y)))

const ICONS = {
  home: union(
    line([
      [12, 38],
      [40.5, 13],
      [69, 38],
    ]),
    line([
      [20, 32],
      [20, 68],
      [61, 68],
      [61, 32],
    ]),
    line([
      [34, 68],
      [34, 50],
      [47, 50],
      [47, 68],
    ]),
  ),
  activities: union(
    roundRect(13, 19, 68, 68, 7),
    line([
      [13, 33],
      [68, 33],
    ]),
    line([
      [27, 11],
      [27, 24],
    ]),
    line([
      [54, 11],
      [54, 24],
    ]),
    line([
      [27, 47],
      [35, 47],
    ]),
    line([
      [46, 47],
      [54, 47],
    ]),
    line([
      [27, 57],
      [35, 57],
    ]),
  ),
  groups: union(ring(30, 29, 10), arc(30, 66, 20, Math.PI, Math.PI * 2), ring(55, 33, 8), arc(57, 64, 15, Math.PI * 1.2, Math.PI * 2)),
  benefits: union(
    roundRect(14, 31, 67, 44, 3),
    roundRect(19, 44, 62, 69, 3),
    line([
      [40.5, 31],
      [40.5, 69],
    ]),
    line([
      [40.5, 31],
      [29, 16],
      [22, 23],
      [40.5, 31],
    ]),
    line([
      [40.5, 31],
      [52, 16],
      [59, 23],
      [40.5, 31],
    ]),
  ),
  me: union(ring(40.5, 28, 13), arc(40.5, 72, 26, Math.PI, Math.PI * 2)),
}

function crc32(buf) {
  let c,
    crc = 0xffffffff
  for (const b of buf) {
    c = (crc ^ b) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function png(sdf, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  const S = 4
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0 // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hit = 0
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) if (sdf(x + (sx + 0.5) / S, y + (sy + 0.5) / S) <= 0) hit++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((255 * hit) / (S * S))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8
  ihdr[9] = 6 // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(OUT, { recursive: true })
for (const [name, sdf] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const file = join(OUT, `${name}${suffix}.png`)
    const data = png(sdf, color)
    writeFileSync(file, data)
    console.log(`${file} ${data.length} B`)
  }
}
