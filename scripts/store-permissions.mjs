// `npm run store:permissions`: rewrites the vendor host lists of store/permissions.md from the
// built manifests (run `npm run build` first). The unit tests fail while the lists are out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { builtManifests, hostGroups, PERMISSIONS_FILE, withHostLists } from './lib/store-permissions.mjs';

const before = await readFile(PERMISSIONS_FILE, 'utf8');
const after = withHostLists(before, hostGroups(await builtManifests()));
await writeFile(PERMISSIONS_FILE, after);
console.log(after === before ? 'store/permissions.md was up to date.' : 'Rewrote the host lists of store/permissions.md.');
