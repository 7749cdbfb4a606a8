/**
 * Draws the Shortlist icon (a rounded indigo square with three white list lines and a green tick)
 * and writes the packaging icons into build/: `icons/<n>x<n>.png` (Linux), `icon.png`,
 * `icon.ico` (Windows, PNG-compressed entries) and `icon.icns` (macOS, PNG-compressed entries).
 * Pure Node (zlib), no image tools needed: `tsx scripts/generate-icons.ts`. The outputs are
 * committed, so packaging does not depend on this script.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PROJECT_ROOT } from './build-electron';

type Rgba = readonly [number, number, number, number];

const INDIGO: Rgba = [63, 81, 181, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [76, 175, 80, 255];

/** Signed distance from a point to a rounded rectangle (negative inside), in unit coordinates. */
function roundedRect(
  x: number,
  y: number,
  cx: number,
  cy: number,
  halfW: number,
  halfH: number,
  radius: number,
): number {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance from a point to a segment. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** The colour of the icon at unit coordinates (x, y) in [0, 1]. */
function shade(x: number, y: number): Rgba | null {
  if (roundedRect(x, y, 0.5, 0.5, 0.44, 0.44, 0.1) > 0) return null;
  const tick = Math.min(segment(x, y, 0.6, 0.66, 0.68, 0.74), segment(x, y, 0.68, 0.74, 0.82, 0.56));
  if (tick < 0.035) return GREEN;
  for (const [lineY, length] of [
    [0.33, 0.46],
    [0.5, 0.46],
    [0.67, 0.26],
  ] as const) {
    if (roundedRect(x, y, 0.22 + length / 2, lineY, length / 2, 0.035, 0.035) <= 0) return WHITE;
  }
  return INDIGO;
}

/** Renders the icon at `size` pixels with 4×4 supersampling. */
function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
        pixels[offset + 3] = Math.round((255 * a) / samples ** 2);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering). */
export function encodePng(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1)
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file whose entries are PNGs (supported since Windows Vista). */
function encodeIco(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const entries = [...pngs.entries()];
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = 6 + 16 * entries.length;
  const directory = entries.map(([size, png]) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...directory, ...entries.map(([, png]) => png)]);
}

/** An ICNS file with PNG entries (icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024). */
function encodeIcns(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const types: ReadonlyMap<number, string> = new Map([
    [16, 'icp4'],
    [32, 'icp5'],
    [64, 'icp6'],
    [128, 'ic07'],
    [256, 'ic08'],
    [512, 'ic09'],
    [1024, 'ic10'],
  ]);
  const elements = [...pngs.entries()].flatMap(([size, png]) => {
    const type = types.get(size);
    if (!type) return [];
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return [Buffer.concat([header, png])];
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([header, ...elements]);
}

const buildDir = path.join(PROJECT_ROOT, 'build');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((size) => [size, encodePng(size, render(size))]));
mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
for (const [size, png] of pngs)
  if (size <= 512) writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), png);
const pick = (wanted: readonly number[]): Map<number, Buffer> =>
  new Map(
    wanted.flatMap((size) => {
      const png = pngs.get(size);
      return png ? [[size, png] as const] : [];
    }),
  );
writeFileSync(path.join(buildDir, 'icon.png'), pngs.get(1024) ?? Buffer.alloc(0));
writeFileSync(path.join(buildDir, 'icon.ico'), encodeIco(pick([16, 24, 32, 48, 64, 128, 256])));
writeFileSync(path.join(buildDir, 'icon.icns'), encodeIcns(pick([16, 32, 64, 128, 256, 512, 1024])));
console.log(`Icons written to ${path.relative(PROJECT_ROOT, buildDir)}/`);
