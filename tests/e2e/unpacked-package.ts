import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath, packageVersion } from '../../scripts/lib/package-extension.mjs';
import { extractZip } from '../../scripts/lib/zip.mjs';

/**
 * The store package of `browser` (dist/customer-view-<browser>-<version>.zip, written by
 * `npm run package`, which `npm run test:e2e` runs first) unpacked into a fresh directory, as a
 * store installs it: a file the build writes but the zip leaves out is missing here too.
 */
export async function unpackedPackage(browser: 'chrome' | 'firefox'): Promise<string> {
  const archive = packagePath(browser, await packageVersion());
  if (!existsSync(archive)) throw new Error(`${archive} is missing: run \`npm run package\` first (\`npm run test:e2e\` does).`);
  const dir = await mkdtemp(join(tmpdir(), `customer-view-${browser}-package-`));
  await extractZip(archive, dir);
  return dir;
}
