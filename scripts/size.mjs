// `npm run size [-- --dir DIR] [--bench] [--top N] [--json FILE]`: gzipped JS per entry as DESIGN.md
// section 9 counts it (the entry and every chunk it statically imports), and the source modules
// that take the bytes. Without --dir it builds into dist/size with hidden source maps (the JS is
// the same bytes as dist/chrome's); --bench builds with the benchmark page, as `npm run bench`
// measures; with --dir it reads an existing build (per module only if it has maps).
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildExtension } from './lib/build-extension.mjs';
import { entryFiles, entryReport, packageOf, toKB } from './lib/bundle-size.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const root = resolve(import.meta.dirname, '..');
const top = Number(option('--top') ?? 12);
const jsonFile = option('--json');
// DESIGN.md section 9 (revised): the worker's floor is Dexie, zod/mini and the polyfill, 33 KB.
const BUDGETS_KB = { panel: 60, background: 90, content: 15 };

let dir = option('--dir') ? resolve(option('--dir')) : null;
if (!dir) {
  dir = resolve(root, 'dist/size');
  const bench = args.includes('--bench');
  console.error(`… building into dist/size with hidden source maps${bench ? ' and the benchmark page' : ''}`);
  await buildExtension({ chromeDir: dir, firefoxDir: null, sourcemaps: true, bench });
}

const kb = (bytes) => toKB(bytes).toFixed(1).padStart(6);
const report = {};
for (const [entry, file] of Object.entries(entryFiles(dir))) {
  const { totalKB, chunks, modules } = entryReport(file, root);
  const budget = BUDGETS_KB[entry];
  const verdict = budget === undefined ? '' : totalKB <= budget ? `  (budget ${budget}: ok)` : `  (budget ${budget}: OVER by ${(totalKB - budget).toFixed(1)})`;
  console.log(`\n${entry}: ${totalKB.toFixed(1)} KB gzipped${verdict}`);
  console.log('  chunks:   ' + chunks.map((chunk) => `${basename(chunk.file)} ${toKB(chunk.gzip)}`).join(', '));

  const byPackage = new Map();
  for (const [name, entry] of modules) byPackage.set(packageOf(name), (byPackage.get(packageOf(name)) ?? 0) + entry.gzip);
  const packages = [...byPackage].sort((a, b) => b[1] - a[1]);
  console.log('  by folder/package (gz KB):');
  for (const [name, gzip] of packages.slice(0, top)) console.log(`    ${kb(gzip)}  ${name}`);
  if (packages.length > top) console.log(`    ${kb(packages.slice(top).reduce((sum, [, gzip]) => sum + gzip, 0))}  (${packages.length - top} more)`);

  const sorted = [...modules].sort((a, b) => b[1].gzip - a[1].gzip);
  console.log('  biggest modules (gz KB, minified KB):');
  for (const [name, entry] of sorted.slice(0, top)) console.log(`    ${kb(entry.gzip)} ${kb(entry.bytes)}  ${name}`);

  report[entry] = {
    totalKB,
    budgetKB: budget ?? null,
    chunks: chunks.map((chunk) => ({ file: basename(chunk.file), gzipKB: toKB(chunk.gzip) })),
    packages: packages.map(([name, gzip]) => ({ name, gzipKB: toKB(gzip) })),
    modules: sorted.map(([name, entry]) => ({ name, gzipKB: toKB(entry.gzip), minifiedKB: toKB(entry.bytes) })),
  };
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(report, null, 2));
