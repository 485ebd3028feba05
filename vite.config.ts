import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const here = import.meta.dirname;
const jsx = { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } } as const;
/** `npm run size` asks for hidden source maps (no comment in the JS, so its bytes do not change). */
const sourcemap = process.env.SOURCEMAPS === 'hidden' ? 'hidden' : false;

/** Panel, options and the module service worker share one ES build. */
const pages = (outDir: string): UserConfig => ({
  ...jsx,
  root: resolve(here, 'src/ui'),
  base: './',
  publicDir: resolve(here, 'public'),
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        panel: resolve(here, 'src/ui/panel.html'),
        options: resolve(here, 'src/ui/options.html'),
        background: resolve(here, 'src/background/index.ts'),
        // The benchmark page exists only in `npm run bench`'s own build, never in dist/chrome.
        ...(process.env.BENCH === '1' ? { bench: resolve(here, 'src/ui/bench.html') } : {}),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
        // Libraries in chunks of their own, so a page loads only what it uses (the panel needs no zod).
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod/ },
            { name: 'dexie', test: /node_modules[\\/]dexie/ },
            { name: 'preact', test: /node_modules[\\/]preact/ },
            { name: 'polyfill', test: /node_modules[\\/]webextension-polyfill/ },
          ],
        },
      },
    },
  },
});

/** Content scripts: each must be one classic script without imports, so each gets its own IIFE build. */
export const CONTENT_SCRIPTS = { content: 'src/content/index.ts', picker: 'src/content/picker/index.ts', 'pin-reader': 'src/content/pin-reader.ts' } as const;

const content = (outDir: string, name: keyof typeof CONTENT_SCRIPTS): UserConfig => ({
  ...jsx,
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    sourcemap,
    lib: { entry: resolve(here, CONTENT_SCRIPTS[name]), formats: ['iife'], name: 'customerView', fileName: () => `${name}.js` },
  },
});

export default defineConfig(({ mode }) => {
  const outDir = resolve(here, process.env.OUT_DIR ?? 'dist/chrome');
  if (mode.startsWith('content:')) return content(outDir, mode.slice('content:'.length) as keyof typeof CONTENT_SCRIPTS);
  if (mode === 'test') {
    return {
      ...jsx,
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
  return pages(outDir);
});
