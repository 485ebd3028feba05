import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactUrl, DEMO_TOKEN, PORTAL, startEnvironment, type Environment } from './environment';
import { unpackedPackage } from './unpacked-package';
import { readZip } from '../../scripts/lib/zip.mjs';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `npm run package` into a fresh directory, as a store reviewer rebuilding from source would. */
async function cleanPackage(): Promise<{ dir: string; chrome: Buffer; firefox: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'customer-view-rebuild-'));
  // Without SOURCE_DATE_EPOCH from the caller's shell: the default time is part of what must reproduce.
  const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
  await promisify(execFile)(process.execPath, [resolve(root, 'scripts/package.mjs'), '--out', dir], { cwd: dir, env });
  const [chrome, firefox] = await Promise.all(['chrome', 'firefox'].map((browser) => readFile(join(dir, `customer-view-${browser}-${version}.zip`))));
  return { dir, chrome: chrome!, firefox: firefox! };
}

describe('store packages', () => {
  it('two clean builds give byte-identical packages, each with package.json’s version in its manifest', async () => {
    const first = await cleanPackage();
    const second = await cleanPackage();
    try {
      expect(sha256(second.chrome)).toBe(sha256(first.chrome));
      expect(sha256(second.firefox)).toBe(sha256(first.firefox));
      for (const archive of [first.chrome, first.firefox]) {
        const entries = readZip(archive);
        const names = entries.map((entry) => entry.name);
        expect(names).toEqual([...names].sort());
        expect(names).toEqual(expect.arrayContaining(['manifest.json', 'background.js', 'content.js', 'options.html', 'panel.html']));
        // 1980-01-01 00:00, whatever the files' times on disk.
        expect(new Set(entries.map((entry) => `${entry.day}/${entry.time}`))).toEqual(new Set(['33/0']));
        const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')!.data.toString('utf8')) as { version: string };
        expect(manifest.version).toBe(version);
      }
    } finally {
      await Promise.all([rm(first.dir, { recursive: true, force: true }), rm(second.dir, { recursive: true, force: true })]);
    }
  });
});

describe('the unpacked Chrome package in Chromium', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await startEnvironment({ extensionDir: await unpackedPackage('chrome') });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('shows its version at the foot of Options, connects HubSpot and shows the contact of the open tab', async () => {
    const options = await env.connect(DEMO_TOKEN);
    await expect(options.getByTestId('connected-account').textContent()).resolves.toContain(`Portal ${PORTAL}`);
    await expect(options.getByTestId('extension-version').textContent()).resolves.toContain(version);
    const page = await env.context.newPage();
    await page.goto(contactUrl('101'));
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Ann Lee');
    await expect(panel.getByTestId('field-company').textContent()).resolves.toContain('Acme Robotics');
    await Promise.all([options.close(), page.close(), panel.close()]);
  });
});
