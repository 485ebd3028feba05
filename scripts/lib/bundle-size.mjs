// Bundle sizes as DESIGN.md section 9 counts them: the gzipped JS of an entry plus every chunk it
// statically imports (lazy `import()` chunks are not loaded at start-up, so they are not counted).
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

// ES chunks import; the worker's CommonJS chunks `require` (a lazy one inside `=>`, not counted).
const STATIC_IMPORT = /(?:(?:import|from)\s*["']|(?<!=>)require\(")(\.{1,2}\/[^"']+\.js)["']/g;
const gzipBytes = (bytes) => gzipSync(bytes).length;
const toKB = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/** The entry file and every chunk it statically imports, transitively. */
export function staticGraph(entryFile) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), match[1]));
  };
  visit(entryFile);
  return [...seen];
}

/** Gzipped size of an entry and every chunk it statically imports, in KB (one decimal). */
export function bundleKB(entryFile) {
  return toKB(staticGraph(entryFile).reduce((sum, file) => sum + gzipBytes(readFileSync(file)), 0));
}

/** The module script an extension page (`panel.html`, `options.html`) starts from. */
export function pageEntry(dir, page) {
  const html = readFileSync(join(dir, `${page}.html`), 'utf8');
  return join(dir, html.match(/src="\.\/(assets\/[^"]+\.js)"/)[1]);
}

export const panelEntry = (dir) => pageEntry(dir, 'panel');

/** The entries the budgets name (plus options), by file in a built extension directory. */
export const entryFiles = (dir) => ({
  panel: panelEntry(dir),
  options: pageEntry(dir, 'options'),
  background: join(dir, 'background.js'),
  content: join(dir, 'content.js'),
});

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = Object.fromEntries([...BASE64].map((char, index) => [char, index]));

/** Decodes one line of a source map's `mappings` into [generatedColumn, sourceIndex | -1] segments. */
function decodeLine(line, state) {
  const segments = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64_VALUE[char];
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length > 1) {
      state.source += fields[1];
      segments.push([column, state.source]);
    } else segments.push([column, -1]);
  }
  return segments;
}

/**
 * Which source modules the bytes of one built file come from, using its (hidden) source map:
 * Map of source path -> { bytes, gzip }, where `gzip` shares out the file's real gzipped size in
 * proportion to how well each module's own bytes compress.
 */
export function fileContributions(file, root) {
  const code = readFileSync(file, 'utf8');
  const total = gzipBytes(Buffer.from(code));
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return new Map([[`(no source map) ${basename(file)}`, { bytes: code.length, gzip: total }]]);
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const mapDir = dirname(mapFile);
  // node_modules may be a symlink elsewhere: name packages from their node_modules folder on.
  const names = map.sources.map((source) => relative(root, resolve(mapDir, map.sourceRoot ?? '', source)).replaceAll('\\', '/').replace(/^.*?(?=node_modules\/)/, ''));
  const pieces = new Map();
  const add = (name, text) => {
    if (!text) return;
    if (!pieces.has(name)) pieces.set(name, []);
    pieces.get(name).push(text);
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const state = { source: 0 };
  lines.forEach((text, index) => {
    const segments = decodeLine(mappingLines[index] ?? '', state);
    if (segments.length === 0 || segments[0][0] > 0) add('(unmapped)', text.slice(0, segments[0]?.[0] ?? text.length));
    segments.forEach(([column, source], at) => {
      const end = segments[at + 1]?.[0] ?? text.length;
      add(source >= 0 ? names[source] : '(unmapped)', text.slice(column, end));
    });
  });
  const raw = [...pieces].map(([name, texts]) => {
    const joined = texts.join('\n');
    return [name, { bytes: Buffer.byteLength(joined), gzipAlone: gzipBytes(Buffer.from(joined)) }];
  });
  const scale = total / raw.reduce((sum, [, entry]) => sum + entry.gzipAlone, 0);
  return new Map(raw.map(([name, entry]) => [name, { bytes: entry.bytes, gzip: entry.gzipAlone * scale }]));
}

/** One entry's static graph, with each chunk's gzipped size and each source module's share. */
export function entryReport(entryFile, root) {
  const chunks = staticGraph(entryFile).map((file) => ({ file, gzip: gzipBytes(readFileSync(file)) }));
  const modules = new Map();
  for (const { file } of chunks) {
    for (const [name, entry] of fileContributions(file, root)) {
      const known = modules.get(name) ?? { bytes: 0, gzip: 0, chunks: [] };
      modules.set(name, { bytes: known.bytes + entry.bytes, gzip: known.gzip + entry.gzip, chunks: [...known.chunks, basename(file)] });
    }
  }
  return { totalKB: toKB(chunks.reduce((sum, chunk) => sum + chunk.gzip, 0)), chunks, modules };
}

/** `node_modules/zod/v4/core/schemas.js` -> `zod`; `src/connectors/hubspot/api.ts` -> `src/connectors/hubspot`. */
export function packageOf(name) {
  const inPackage = name.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inPackage) return inPackage[1];
  return name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : name;
}

export { toKB };
