import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = import.meta.dirname;

/**
 * PouchDB (team sync) compiles replication filters sent as strings (design documents) with the
 * `Function` constructor. Team sync never uses them, our CSP forbids evaluating strings, and a
 * store reviewer should find no such path: the calls are replaced with a refusal, and the
 * compiler itself is then left out of the bundle.
 */
const noStringFunctions: Plugin = {
  name: 'no-string-functions',
  transform(code, id) {
    if (!/pouchdb-changes-filter/.test(id)) return null;
    return code.replace(/\bscopeEval\(/g, '((source) => { throw new Error("Filters written as strings are not run here."); })(');
  },
};
/** JSX and module resolution, the same for every build and for vitest. */
const shared = {
  plugins: [noStringFunctions] as Plugin[],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // Dexie's own ES2021 build of the same release (the package's default is its ES5 UMD build,
    // down-levelled classes and helpers, wrapped to guard against two copies in one page, which
    // one bundle per context never has): 2 KB less gzipped in every context that holds Dexie.
    alias: [
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
      // PouchDB (team sync) imports Node's `events`; pages get the npm package of the same API.
      { find: /^events$/, replacement: 'events/events.js' },
    ],
  },
} as const;
/** `npm run size` asks for hidden source maps (no comment in the JS, so its bytes do not change). */
const sourcemap = process.env.SOURCEMAPS === 'hidden' ? 'hidden' : false;

/** Chrome 116+ and Firefox 128+ run ES2022 as is: nothing is down-levelled ('esnext' gives the same bytes). */
const target = 'es2022';

/**
 * Each extension page and the service worker is a build of its own, so each loads one script
 * (plus, for pages, the chunks it imports lazily) and no chunk is shared between them: a shared
 * chunk holds only what every page using it needs, but every chunk boundary costs its import and
 * export lists and a gzip stream of its own, and which chunks exist would depend on which other
 * entries happen to be built (the benchmark page).
 */
export const PAGES = ['panel', 'options', 'bench'] as const;

const page = (outDir: string, name: (typeof PAGES)[number]): UserConfig => ({
  ...shared,
  root: resolve(here, 'src/ui'),
  base: './',
  // The background build (first) empties the directory and copies public/.
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: false,
    target,
    sourcemap,
    modulePreload: { polyfill: false },
    // The benchmark page exists only in `npm run bench`'s own build, never in dist/chrome.
    rolldownOptions: {
      input: { [name]: resolve(here, `src/ui/${name}.html`) },
      // The accent folding that search needs at once is shared with the tokenizer, which only
      // upgrades load lazily; left to itself the bundler puts it in the tokenizer's chunk, and the
      // page's static import of it then loads the public suffix list too (16 KB gzipped).
      output: { codeSplitting: { groups: [{ name: 'fold', test: /src[\\/]identity[\\/]fold\.ts$/ }] } },
    },
  },
});

/** Where the worker's chunks go; scripts/lib/build-extension.mjs lists them in the Firefox manifest. */
const WORKER_CHUNK_DIR = 'background';

/**
 * The service worker is a classic script whose rarely needed parts (the vendors' API clients,
 * the identity data, backups) are chunks loaded on first use, so a woken worker compiles and runs
 * two fifths of its code before it answers. Worker modules cannot `import()`, so the chunks are
 * CommonJS, each wrapped as a function registered by file name, and `import()` becomes a
 * synchronous `importScripts` of the chunk. Chrome lets a worker import later only the scripts
 * it imported while installing, so the install event imports them all (which only registers
 * them). Firefox's background page lists every chunk in its manifest instead.
 */
const classicWorkerChunks: Plugin = {
  name: 'classic-worker-chunks',
  // Banner and footer through the bundler, so the source maps `npm run size` reads stay aligned.
  outputOptions: (options) => ({
    ...options,
    banner: (chunk) => `(self.__workerChunks ??= {})[${JSON.stringify(chunk.fileName)}] = function (require, exports, module) {\n"use strict";`,
    footer: (chunk) => `};${chunk.isEntry ? `\n${workerLoader(chunk.fileName)}` : ''}`,
  }),
  // Vite's wrapper of `import()` reports a chunk that failed to load on `window`, which a worker lacks.
  transform: (code, id) => (id.includes('vite/preload-helper') ? code.replaceAll('window.dispatchEvent', 'self.dispatchEvent') : null),
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const lazy = chunks.filter((chunk) => !chunk.isEntry).map((chunk) => chunk.fileName);
    for (const chunk of chunks) chunk.code = chunk.code.replace(LAZY_CHUNKS, lazy.join(' '));
  },
};

/** Stands for the chunk files (a string, which minifying keeps) until every chunk has its name. */
const LAZY_CHUNKS = 'LAZY_WORKER_CHUNKS';

/** Runs the entry chunk; `require` of another chunk registers it first (importScripts) unless listed in the manifest. */
const workerLoader = (entry: string) => `(() => {
  const registered = self.__workerChunks;
  const loaded = {};
  if (typeof importScripts === 'function') addEventListener('install', () => importScripts(...'${LAZY_CHUNKS}'.split(' ')));
  const resolve = (from, path) => {
    const parts = from.split('/').slice(0, -1);
    for (const part of path.split('/')) part === '..' ? parts.pop() : part !== '.' && parts.push(part);
    return parts.join('/');
  };
  const load = (name) => {
    if (loaded[name]) return loaded[name].exports;
    if (!registered[name]) importScripts(name);
    const module = (loaded[name] = { exports: {} });
    registered[name].call(undefined, (path) => load(resolve(name, path)), module.exports, module);
    return module.exports;
  };
  load(${JSON.stringify(entry)});
})();
`;

const background = (outDir: string): UserConfig => ({
  ...shared,
  plugins: [...shared.plugins, classicWorkerChunks],
  publicDir: resolve(here, 'public'),
  build: {
    outDir,
    emptyOutDir: true,
    target,
    sourcemap,
    modulePreload: false,
    rolldownOptions: {
      input: { background: resolve(here, 'src/background/index.ts') },
      // Only the wrapper's branch for preloading a page's CSS reads `import.meta`, never run here; the
      // tokenizer, imported both ways, sits in a chunk of its own that all its importers share.
      checks: { emptyImportMeta: false, ineffectiveDynamicImport: false },
      output: { format: 'cjs', entryFileNames: 'background.js', chunkFileNames: `${WORKER_CHUNK_DIR}/[name]-[hash].js` },
    },
  },
});

/** Content scripts: each must be one classic script without imports, so each gets its own IIFE build. */
export const CONTENT_SCRIPTS = { content: 'src/content/index.ts', picker: 'src/content/picker/index.ts', 'pin-reader': 'src/content/pin-reader.ts' } as const;

const content = (outDir: string, name: keyof typeof CONTENT_SCRIPTS): UserConfig => ({
  ...shared,
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: false,
    target,
    sourcemap,
    lib: { entry: resolve(here, CONTENT_SCRIPTS[name]), formats: ['iife'], name: 'customerView', fileName: () => `${name}.js` },
  },
});

export default defineConfig(({ mode }) => {
  const outDir = resolve(here, process.env.OUT_DIR ?? 'dist/chrome');
  if (mode.startsWith('content:')) return content(outDir, mode.slice('content:'.length) as keyof typeof CONTENT_SCRIPTS);
  if (mode.startsWith('page:')) return page(outDir, mode.slice('page:'.length) as (typeof PAGES)[number]);
  if (mode === 'test') {
    return {
      ...shared,
      test: {
        projects: [
          {
            extends: true,
            test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', setupFiles: ['fake-indexeddb/auto'] },
          },
          {
            extends: true,
            test: {
              name: 'e2e',
              include: ['tests/e2e/**/*.test.ts'],
              environment: 'node',
              testTimeout: 120_000,
              hookTimeout: 180_000,
              fileParallelism: false,
            },
          },
        ],
      },
    } as UserConfig;
  }
  return background(outDir);
});
