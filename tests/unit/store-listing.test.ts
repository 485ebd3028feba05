import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtManifests, hostGroups, permissionReasons, withHostLists } from '../../scripts/lib/store-permissions.mjs';

/** What the stores ask for, kept in store/ beside the code, checked against the manifests the build writes. */
const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

interface BuiltManifest {
  description: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
}
let outDir: string;
let manifests: BuiltManifest[];

beforeAll(async () => {
  // A fresh build, so a permission just added to the source manifest (or derived by the build) is seen.
  outDir = mkdtempSync(join(tmpdir(), 'customer-view-store-'));
  execFileSync(process.execPath, [resolve(root, 'scripts/package.mjs'), '--out', outDir], { stdio: 'pipe' });
  manifests = (await builtManifests(outDir)) as BuiltManifest[];
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The body of a `## title` section of a Markdown file. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`No section "${title}"`);
  const body = markdown.slice(start + title.length + 5);
  const end = body.indexOf('\n## ');
  return (end < 0 ? body : body.slice(0, end)).trim();
}

describe('store/permissions.md', () => {
  it('has a sentence for every permission and optional permission of the built Chrome and Firefox manifests', () => {
    const reasons = permissionReasons(read('store/permissions.md'));
    const asked = new Set(manifests.flatMap((m) => [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])]));
    expect(asked.size).toBeGreaterThan(0);
    expect([...asked].filter((permission) => !reasons.get(permission)?.endsWith('.'))).toEqual([]);
  });

  it('justifies every host permission through its group, and lists each group’s hosts as the build writes them', () => {
    const markdown = read('store/permissions.md');
    const reasons = permissionReasons(markdown);
    const groups = hostGroups(manifests);
    const hosts = new Set(manifests.flatMap((m) => m.host_permissions ?? []));
    expect(Object.values(groups).flat().sort()).toEqual([...hosts].sort());
    for (const [group, members] of Object.entries(groups)) if (members.length > 0) expect(reasons.get(group), `a sentence for ${group}`).toMatch(/\.$/);
    // Out of date: `npm run build && npm run store:permissions` rewrites the lists.
    expect(markdown).toBe(withHostLists(markdown, groups));
  });
});

describe('store listing and privacy policy', () => {
  it('uses the manifest’s description as the short description, within the Chrome Web Store’s 132 characters', () => {
    const short = section(read('store/listing.md'), 'Short description');
    for (const manifest of manifests) expect(manifest.description).toBe(short);
    expect(short.length).toBeLessThanOrEqual(132);
    expect(section(read('store/listing.md'), 'Long description').length).toBeGreaterThan(200);
  });

  it('says in the privacy policy word for word what the README says leaves the browser and what is stored', () => {
    const readme = read('README.md');
    const policy = read('store/privacy-policy.md');
    expect(section(policy, 'What data leaves the browser')).toBe(section(readme, 'What data leaves the browser'));
    expect(policy).toContain(section(readme, 'Security and privacy'));
  });

  it('has screenshots of the size the Chrome Web Store takes (1280x800)', () => {
    const dir = resolve(root, 'store/screenshots');
    const pngs = readdirSync(dir).filter((name) => name.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const name of pngs) {
      const png = readFileSync(join(dir, name));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([1280, 800]);
    }
  });
});
