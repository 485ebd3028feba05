// store/permissions.md: one sentence per permission, for the stores' justification fields.
// Vendor hosts are justified as two groups whose lists are generated from the built manifests,
// so a new vendor's hosts are listed without writing a sentence for each.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const PERMISSIONS_FILE = resolve(root, 'store/permissions.md');

/**
 * The built manifests' host permissions in two groups: `vendor-consoles`, where the content script
 * runs (console pages; some tools serve their API there too), and `vendor-apis`, all the others.
 * @param {Array<{ host_permissions?: string[], content_scripts?: Array<{ matches: string[] }> }>} manifests
 */
export function hostGroups(manifests) {
  const hosts = [...new Set(manifests.flatMap((manifest) => manifest.host_permissions ?? []))];
  const consoles = new Set(manifests.flatMap((manifest) => (manifest.content_scripts ?? []).flatMap((script) => script.matches)));
  return { 'vendor-apis': hosts.filter((host) => !consoles.has(host)), 'vendor-consoles': hosts.filter((host) => consoles.has(host)) };
}

/** `markdown` with each `<!-- hosts:NAME -->…<!-- /hosts:NAME -->` block listing that group's hosts. */
export function withHostLists(markdown, groups) {
  let text = markdown;
  for (const [name, hosts] of Object.entries(groups)) {
    const block = new RegExp(`(<!-- hosts:${name} -->\\n)[\\s\\S]*?(<!-- /hosts:${name} -->)`);
    if (!block.test(text)) throw new Error(`store/permissions.md has no <!-- hosts:${name} --> block for ${hosts.join(', ')}`);
    text = text.replace(block, (_, open, close) => `${open}${hosts.map((host) => `  - \`${host}\`\n`).join('')}${close}`);
  }
  return text;
}

/** Each top-level `- \`name\`: sentence` line, and each `- **Group** (<!-- group:NAME -->): sentence`, by name. */
export function permissionReasons(markdown) {
  const reasons = new Map();
  for (const line of markdown.split('\n')) {
    const permission = /^- `([^`]+)`[^:]*: (.+)$/.exec(line);
    if (permission) reasons.set(permission[1], permission[2].trim());
    const group = /^- \*\*[^*]+\*\* <!-- group:([\w-]+) -->: (.+)$/.exec(line);
    if (group) reasons.set(group[1], group[2].trim());
  }
  return reasons;
}

/** Reads dist/chrome and dist/firefox's manifests (or those under `outDir`). */
export async function builtManifests(outDir = resolve(root, 'dist')) {
  return Promise.all(['chrome', 'firefox'].map(async (browser) => JSON.parse(await readFile(resolve(outDir, browser, 'manifest.json'), 'utf8'))));
}
