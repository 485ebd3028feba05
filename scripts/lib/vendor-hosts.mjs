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

/** `https://*.pipedrive.com/*` → `https://*.pipedrive.com`: a match pattern's origin, a valid CSP source. */
const originOf = (pattern) => /^(https:\/\/[^/]+)\//.exec(pattern)?.[1] ?? pattern;

/**
 * The extension pages' CSP with the vendors' API origins added to its `connect-src` (created if
 * the source has none): the browser itself then refuses a request to any other origin.
 * @param {string} policy
 * @param {string[]} apiMatches
 */
export function withApiConnectSrc(policy, apiMatches) {
  const origins = [...new Set(apiMatches.map(originOf))];
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const index = directives.findIndex((d) => d.startsWith('connect-src '));
  if (index < 0) return [...directives, `connect-src 'self' ${origins.join(' ')}`].join('; ');
  directives[index] = [...new Set([...directives[index].split(/\s+/), ...origins])].join(' ');
  return directives.join('; ');
}

/**
 * The source manifest with every vendor's API and console patterns added to `host_permissions`
 * (after the source's own entries, if any), and its consoles as the `matches` of the content
 * script entry that names none (the one that runs on every vendor console), and the API origins
 * as the extension pages' `connect-src`.
 * @param {{ host_permissions?: string[], content_scripts?: Array<{ matches?: string[] }>, content_security_policy?: { extension_pages?: string } }} manifest
 * @param {Array<{ consoleMatches: string[], apiMatches: string[] }>} metas
 */
export function withVendorHosts(manifest, metas) {
  const unique = (patterns) => [...new Set(patterns)];
  const consoles = unique(metas.flatMap((meta) => meta.consoleMatches));
  const apiMatches = metas.flatMap((meta) => meta.apiMatches);
  const csp = manifest.content_security_policy;
  return {
    ...manifest,
    ...(csp ? { content_security_policy: { ...csp, extension_pages: withApiConnectSrc(csp.extension_pages ?? "script-src 'self'", apiMatches) } } : {}),
    host_permissions: unique([...(manifest.host_permissions ?? []), ...metas.flatMap((meta) => [...meta.apiMatches, ...meta.consoleMatches])]),
    content_scripts: (manifest.content_scripts ?? []).map((script) => (script.matches ? script : { matches: consoles, ...script })),
  };
}
