// Prints a file's size raw and gzipped (-9), in bytes: `node scripts/size.mjs FILE`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2];
const bytes = readFileSync(file);
const gz = gzipSync(bytes, { level: 9 }).length;
console.log(`${file}: ${bytes.length} bytes raw, ${gz} bytes gzip -9 (${(gz / 1024).toFixed(1)} KiB)`);
