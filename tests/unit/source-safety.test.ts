import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Static imports of a module (`import … from`, `export … from`, `import()`), resolved to files under src. */
function importsOf(path: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(path), specifier);
    const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
    return file ? [file] : [];
  });
}

/** A vendor's API side: its client, connector, schemas, normalisers and import reader. */
const VENDOR_API_CODE = /src\/connectors\/[a-z0-9-]+\/(api|index|schemas|normalize|payload)\.ts$/;

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

  it('keeps the tokens’ storage out of the pages and content scripts, even through other modules', () => {
    const texts = new Map(files.map(({ path, text }) => [path, text]));
    const SECRETS = /src\/(secrets\/tokens|store\/secrets)\.ts$/;
    const entries = files.map((f) => f.path).filter((path) => /src\/(ui|content)\//.test(path));
    const offenders = entries.flatMap((entry) => {
      const seen = new Set([entry]);
      const reached: string[] = [];
      for (const queue = [entry]; queue.length > 0; ) {
        const path = queue.shift()!;
        if (SECRETS.test(path)) reached.push(`${relative(SRC, entry)} → ${relative(SRC, path)}`);
        for (const next of importsOf(path, texts.get(path) ?? '').filter((file) => !seen.has(file))) {
          seen.add(next);
          queue.push(next);
        }
      }
      return reached;
    });
    expect(entries.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('ships a strict CSP for extension pages', () => {
    const manifest = JSON.parse(readFileSync(resolve(SRC, '../manifest.json'), 'utf8')) as { content_security_policy: { extension_pages: string } };
    expect(manifest.content_security_policy.extension_pages).toMatch(/script-src 'self';/);
    // No scheme-only source; the one host the source names is team sync's CouchDB (its TLS port, or this computer).
    expect(manifest.content_security_policy.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:(?!\/\/)/);
    expect(manifest.content_security_policy.extension_pages.match(/https?:\/\/\S+/g)).toEqual(['https://*:6984', 'http://localhost:*', 'http://127.0.0.1:*;']);
  });

  it('sends every vendor request with redirects refused and no cookies, from the one fetch path', () => {
    const http = files.find(({ path }) => path.endsWith(join('src', 'connectors', 'http.ts')))!.text;
    expect(http).toMatch(/redirect: 'error'/);
    expect(http).toMatch(/credentials: 'omit'/);
    // Every other network call goes through it: no file but http.ts calls fetch on its own.
    const callers = files.filter(({ path, text }) => !path.endsWith('http.ts') && /(^|[^\w.])fetch\(/m.test(text)).map((f) => f.path);
    // GA4, Google Ads and Meta wrap the global fetch they hand to http.ts, to read error bodies and usage headers.
    expect(callers.sort()).toEqual([join(SRC, 'connectors', 'ga4', 'api.ts'), join(SRC, 'connectors', 'google-ads', 'api.ts'), join(SRC, 'connectors', 'meta', 'api.ts'), join(SRC, 'connectors', 'salesforce', 'api.ts')].sort());
  });

  it('keeps vendor API code out of the pages, content scripts and metas, even through other modules', () => {
    const texts = new Map(files.map(({ path, text }) => [path, text]));
    const entries = files.map((f) => f.path).filter((path) => /src\/(ui|content)\//.test(path) || /src\/connectors\/([a-z0-9-]+\/(meta|pages)|vendors|vendor-meta|page-registry|page-mode)\.ts$/.test(path));
    expect(entries.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const entry of entries) {
      // Breadth-first through static imports, remembering how each module was reached.
      const via = new Map<string, string>([[entry, '']]);
      for (const queue = [entry]; queue.length > 0; ) {
        const path = queue.shift()!;
        if (VENDOR_API_CODE.test(path)) {
          offenders.push(`${relative(SRC, entry)} → ${relative(SRC, path)}${via.get(path) ? ` (via ${relative(SRC, via.get(path)!)})` : ''}`);
          continue;
        }
        for (const next of importsOf(path, texts.get(path) ?? '')) {
          if (via.has(next)) continue;
          via.set(next, path);
          queue.push(next);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
