// Builds the extension for Chrome (and Firefox) from one source tree and one source manifest.
import { build } from 'vite';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadVendorMetas, withVendorHosts } from './vendor-hosts.mjs';

const root = resolve(import.meta.dirname, '../..');
export const GECKO_ID = 'customer-view@local-first.dev';

/**
 * @param {{ chromeDir?: string, firefoxDir?: string | null, bench?: boolean, sourcemaps?: boolean }} options
 * `bench` adds the benchmark page; such a build is for measuring, never for users.
 * `sourcemaps` writes hidden source maps (`*.js.map` beside each file, no `sourceMappingURL`
 * comment, so the JS is byte for byte what users get) for `npm run size`.
 */
export async function buildExtension({ chromeDir = resolve(root, 'dist/chrome'), firefoxDir = resolve(root, 'dist/firefox'), bench = false, sourcemaps = false } = {}) {
  const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
  const base = withVendorHosts(JSON.parse(await readFile(resolve(root, 'manifest.json'), 'utf8')), await loadVendorMetas());

  const common = { configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' };
  process.env.OUT_DIR = chromeDir;
  process.env.SOURCEMAPS = sourcemaps ? 'hidden' : '';
  // The background first: it empties the directory and copies public/.
  const workerChunks = chunksBesideEntry(await build({ ...common, mode: 'production' }));
  for (const page of ['panel', 'options', ...(bench ? ['bench'] : [])]) await build({ ...common, mode: `page:${page}` });
  for (const script of ['content', 'picker', 'pin-reader']) await build({ ...common, mode: `content:${script}` });

  const chrome = {
    ...base,
    version: pkg.version,
    permissions: [...base.permissions, 'sidePanel'],
    // A classic worker: it loads its chunks itself, on first use (vite.config.ts).
    background: { service_worker: 'background.js' },
    side_panel: { default_path: 'panel.html' },
    // No other extension (nor any web page) may message us, even if a listener for them were added.
    // Firefox has no such key; there, we simply never listen for other extensions.
    externally_connectable: { ids: [] },
    minimum_chrome_version: '116',
  };
  await writeFile(resolve(chromeDir, 'manifest.json'), JSON.stringify(chrome, null, 2));
  if (!firefoxDir) return;

  const firefox = {
    ...base,
    version: pkg.version,
    // A background page cannot importScripts: every chunk is listed (each only registers itself), the entry last.
    background: { scripts: [...workerChunks, 'background.js'] },
    // Firefox's shortcut opens the sidebar itself.
    commands: Object.fromEntries(Object.entries(base.commands).map(([name, command]) => [name === '_execute_action' ? '_execute_sidebar_action' : name, command])),
    sidebar_action: { default_panel: 'panel.html', default_title: 'Customer view', default_icon: base.action.default_icon, open_at_install: false },
    browser_specific_settings: {
      // 128+ grants MV3 host permissions at install time (earlier versions leave them off).
      gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  };
  await rm(firefoxDir, { recursive: true, force: true });
  await cp(chromeDir, firefoxDir, { recursive: true });
  await writeFile(resolve(firefoxDir, 'manifest.json'), JSON.stringify(firefox, null, 2));
}

/** The chunk files a build wrote beside its entry, as named by the build itself (sorted: packages are byte for byte the same). */
function chunksBesideEntry(result) {
  const { output } = Array.isArray(result) ? result[0] : result;
  return output.filter((file) => file.type === 'chunk' && !file.isEntry).map((file) => file.fileName).sort();
}
