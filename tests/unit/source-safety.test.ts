import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('source safety', () => {
  const files = sourceFiles(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('never turns data into markup or code', () => {
    const offenders = files.filter(({ text }) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|\beval\(|new Function\(|document\.write\(/.test(text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('calls browser APIs only from src/platform', () => {
    const offenders = files.filter(({ path, text }) => !path.includes(`${join('src', 'platform')}`) && /\b(chrome|browser)\.(runtime|storage|tabs|sidePanel|sidebarAction|alarms|contextMenus|omnibox|permissions)\b/.test(text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('takes zod only from model/zod-setup: zod/mini with its settings, never all of classic zod', () => {
    const offenders = files.filter(({ path, text }) => !path.endsWith(join('model', 'zod-setup.ts')) && /from\s*['"]zod(\/[^'"]*)?['"]/.test(text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('keeps content scripts away from the store', () => {
    const content = files.filter(({ path }) => path.includes(join('src', 'content')));
    expect(content.length).toBeGreaterThan(0);
    for (const { text } of content) expect(text).not.toMatch(/store\/|dexie/i);
  });

  it('reaches the database only through the store: no file outside src/store opens it or touches a table', () => {
    const TABLES = 'records|recent|health|lookups|overrides|syncs|metrics|pins|boards|points|vocabulary';
    const touches = new RegExp(`from\\s*['"][./]*store/db['"]|\\bcustomerDb\\b|\\b\\w*[dD]b\\.(${TABLES}|transaction|tables)\\b|\\bnew Dexie\\b|import Dexie\\b`);
    const outside = files.filter(({ path }) => !path.includes(join('src', 'store')));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.filter(({ text }) => touches.test(text)).map((f) => f.path)).toEqual([]);
  });

  it('ships a strict CSP for extension pages', () => {
    const manifest = JSON.parse(readFileSync(resolve(SRC, '../manifest.json'), 'utf8')) as { content_security_policy: { extension_pages: string } };
    expect(manifest.content_security_policy.extension_pages).toMatch(/script-src 'self';/);
    expect(manifest.content_security_policy.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});
