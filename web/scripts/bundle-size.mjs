#!/usr/bin/env node
// Prints the size of the built app (web/dist): every JS and CSS file raw and gzipped, and totals,
// plus what the first page load fetches (index.html's entry script, its static imports and CSS).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const files = [];
(function walk(d) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|css)$/.test(n)) files.push(p);
  }
})(dist);

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = files
  .map((p) => {
    const buf = readFileSync(p);
    return { name: relative(dist, p), raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  })
  .sort((a, b) => b.raw - a.raw);

const sum = (list, k) => list.reduce((s, r) => s + r[k], 0);
const js = rows.filter((r) => r.name.endsWith('.js'));
const css = rows.filter((r) => r.name.endsWith('.css'));

// Initial load: the entry module in index.html and the modulepreload links Vite adds, plus CSS links.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initialNames = new Set(
  [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]),
);
const initial = rows.filter((r) => initialNames.has(r.name));

const w = Math.max(...rows.map((r) => r.name.length), 10);
console.log('Bundle size (web/dist):');
for (const r of rows) console.log(`  ${r.name.padEnd(w)}  ${kb(r.raw).padStart(10)}  gzip ${kb(r.gz).padStart(9)}`);
console.log(`  JS total:   ${kb(sum(js, 'raw'))} raw, ${kb(sum(js, 'gz'))} gzip (${js.length} files)`);
console.log(`  CSS total:  ${kb(sum(css, 'raw'))} raw, ${kb(sum(css, 'gz'))} gzip (${css.length} files)`);
console.log(`  All:        ${kb(sum(rows, 'raw'))} raw, ${kb(sum(rows, 'gz'))} gzip`);
console.log(`  First load: ${kb(sum(initial, 'raw'))} raw, ${kb(sum(initial, 'gz'))} gzip (${initial.length} files; pages load lazily after)`);
