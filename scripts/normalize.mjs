// `npm run normalize -- <connector> <file.json>`: prints the canonical records a vendor payload
// becomes, one JSON object per line. A payload it does not recognise exits 2 with the zod path.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const [connector, file] = process.argv.slice(2);
if (!connector || !file) {
  console.error('usage: npm run normalize -- <connector> <file.json>');
  process.exit(64);
}
// Vite's module loader runs the TypeScript sources as they are, without a build.
const server = await createServer({ configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true } });
let code = 0;
try {
  const { normalizePayload } = await server.ssrLoadModule(resolve(import.meta.dirname, '../src/import/normalize-payload.ts'));
  let payload;
  try {
    payload = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw Object.assign(new Error(`${file} is not readable JSON: ${error.message}`), { path: '(file)' });
  }
  const notes = [];
  for (const record of normalizePayload(connector, payload, notes)) {
    const { key, connector: source, type, id, title, identities, fields, links, url } = record;
    console.log(JSON.stringify({ key, connector: source, type, id, title, identities, fields, links, url }));
  }
  // Objects left out on purpose (a list's unmodelled kinds): said on stderr, the records still print.
  for (const note of notes) console.error(note);
} catch (error) {
  console.error(`${error.message}${error.detail?.path ? ` (at ${error.detail.path})` : ''}`);
  code = 2;
} finally {
  await server.close();
}
// Not process.exit(): it would drop what a slow reader of the pipe has not taken yet.
process.exitCode = code;
