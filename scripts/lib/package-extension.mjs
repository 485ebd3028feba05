// Store packages: dist/customer-view-chrome-<version>.zip and dist/customer-view-firefox-<version>.zip,
// each the zip of a fresh build of that browser's directory, byte for byte reproducible.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildExtension } from './build-extension.mjs';
import { filesOf, packageTime, writeZip } from './zip.mjs';

const root = resolve(import.meta.dirname, '../..');
export const DIST = resolve(root, 'dist');
export const BROWSERS = ['chrome', 'firefox'];

export async function packageVersion() {
  return JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')).version;
}

/** Where the package of `browser` is written (the version is package.json's, as in the manifests). */
export function packagePath(browser, version, outDir = DIST) {
  return resolve(outDir, `customer-view-${browser}-${version}.zip`);
}

/**
 * Builds `<outDir>/chrome` and `<outDir>/firefox`, then zips each.
 * @returns {Promise<Record<'chrome' | 'firefox', string>>} the archives' paths
 */
export async function packageExtension({ outDir = DIST } = {}) {
  const dirs = { chrome: resolve(outDir, 'chrome'), firefox: resolve(outDir, 'firefox') };
  await buildExtension({ chromeDir: dirs.chrome, firefoxDir: dirs.firefox });
  const version = await packageVersion();
  const mtime = packageTime();
  const written = {};
  for (const browser of BROWSERS) {
    written[browser] = packagePath(browser, version, outDir);
    await writeFile(written[browser], writeZip(await filesOf(dirs[browser]), { mtime }));
  }
  return written;
}
