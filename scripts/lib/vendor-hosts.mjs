// The manifests' vendor hosts come from the vendors' metas (src/connectors/vendors.ts), so the
// source manifest.json lists none: a new vendor's API and consoles reach both browsers' manifests
// by its registry line alone.
import { resolve } from 'node:path';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/** The registered vendors' ids and match patterns, read from the TypeScript sources as they are. */
export async function loadVendorMetas() {
  // A vite server sets NODE_ENV to development when unset, which would make the builds after it
  // use the development JSX runtime: put it back as it was.
  const nodeEnv = process.env.NODE_ENV;
  const server = await createServer({ configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true } });
  try {
    const { VENDOR_METAS } = await server.ssrLoadModule(resolve(root, 'src/connectors/vendors.ts'));
    return VENDOR_METAS.map(({ id, consoleMatches, apiMatches }) => ({ id, consoleMatches: [...consoleMatches], apiMatches: [...apiMatches] }));
  } finally {
    await server.close();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * The source manifest with every vendor's API and console patterns added to `host_permissions`
 * (after the source's own entries, if any), and its consoles as the `matches` of the content
 * script entry that names none (the one that runs on every vendor console).
 * @param {{ host_permissions?: string[], content_scripts?: Array<{ matches?: string[] }> }} manifest
 * @param {Array<{ consoleMatches: string[], apiMatches: string[] }>} metas
 */
export function withVendorHosts(manifest, metas) {
  const unique = (patterns) => [...new Set(patterns)];
  const consoles = unique(metas.flatMap((meta) => meta.consoleMatches));
  return {
    ...manifest,
    host_permissions: unique([...(manifest.host_permissions ?? []), ...metas.flatMap((meta) => [...meta.apiMatches, ...meta.consoleMatches])]),
    content_scripts: (manifest.content_scripts ?? []).map((script) => (script.matches ? script : { matches: consoles, ...script })),
  };
}
