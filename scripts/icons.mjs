// Draws the extension's icons (extension/icons/*.png): lines of text, one of them marked.
// Run once by hand when the design changes: `node scripts/icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function icon(u, v) {
  const r = 0.18; // rounded square
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0), dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const bars = [[0.22, 0.78], [0.42, 0.62], [0.62, 0.78]];
  for (let i = 0; i < bars.length; i++) {
    const top = 0.2 + i * 0.22;
    if (v >= top && v < top + 0.1 && u >= 0.18 && u < bars[i][1]) return i === 1 ? [255, 169, 77, 255] : [255, 255, 255, 255];
    if (i === 1 && v >= top + 0.12 && v < top + 0.16 && u >= 0.18 && u < bars[i][1]) return [255, 169, 77, 255];
  }
  return [38, 50, 72, 255];
}

mkdirSync('extension/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`extension/icons/${size}.png`, png(size, icon));
console.log('extension/icons/{16,32,48,128}.png');
