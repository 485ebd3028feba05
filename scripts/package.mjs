// `npm run package`: builds and writes the store packages, dist/customer-view-{chrome,firefox}-<version>.zip.
// `--out <dir>` writes the build and the packages there instead of dist/ (the reproducibility test).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { packageExtension } from './lib/package-extension.mjs';

const outAt = process.argv.indexOf('--out');
const outDir = outAt > 0 ? resolve(process.argv[outAt + 1]) : undefined;
const written = await packageExtension({ outDir });
for (const path of Object.values(written)) {
  const bytes = await readFile(path);
  console.log(`${relative(process.cwd(), path)}  ${bytes.length} bytes  sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
}
