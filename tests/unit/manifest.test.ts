import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../src/connectors/registry';
import { VENDOR_METAS } from '../../src/connectors/vendors';
import { withVendorHosts } from '../../scripts/lib/vendor-hosts.mjs';

// The built manifests' hosts: the source manifest.json with the vendors' metas' patterns, as the build adds them.
const manifest = withVendorHosts(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')), [...VENDOR_METAS]) as {
  host_permissions: string[];
  content_scripts: Array<{ matches: string[] }>;
  permissions: string[];
  content_security_policy: { extension_pages: string };
  optional_permissions?: string[];
};

/** The sources of one directive of a CSP. */
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([first]) => first === name)
    ?.slice(1);

describe('manifest.json as built', () => {
  it.each(connectors.map((c) => [c.id, c] as const))('grants %s its API and console hosts and runs the content script on its consoles', (_id, connector) => {
    for (const pattern of [...connector.apiMatches, ...connector.consoleMatches]) expect(manifest.host_permissions).toContain(pattern);
    for (const pattern of connector.consoleMatches) expect(manifest.content_scripts[0]!.matches).toContain(pattern);
  });

  it('asks for no host beyond the connectors’ own (no <all_urls>, no broad tabs access)', () => {
    const allowed = new Set(connectors.flatMap((c) => [...c.apiMatches, ...c.consoleMatches]));
    expect(manifest.host_permissions.filter((p) => !allowed.has(p))).toEqual([]);
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('<all_urls>');
  });

  it('asks for cookies only when the user picks a signed-in session: optional, not at install', () => {
    expect(manifest.permissions).not.toContain('cookies');
    expect(manifest.optional_permissions).toContain('cookies');
  });

  it('leaves the vendors’ hosts to their metas: the source manifest.json names none', () => {
    const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as { host_permissions?: string[]; content_scripts: Array<{ matches?: string[] }> };
    const vendorPatterns = new Set(VENDOR_METAS.flatMap((meta) => [...meta.apiMatches, ...meta.consoleMatches]));
    expect((source.host_permissions ?? []).filter((p) => vendorPatterns.has(p))).toEqual([]);
    expect(source.content_scripts.flatMap((script) => script.matches ?? []).filter((p) => vendorPatterns.has(p))).toEqual([]);
  });

  it('lets extension pages and the worker connect only to the vendors’ API origins and team sync’s CouchDB (connect-src)', () => {
    const sources = directive(manifest.content_security_policy.extension_pages, 'connect-src');
    const origins = VENDOR_METAS.flatMap((meta) => meta.apiMatches.map((pattern) => pattern.replace(/\/\*$/, '')));
    // Besides the vendors: a team sync database on CouchDB's TLS port, or a CouchDB on this computer.
    expect(sources).toEqual(["'self'", 'https://*:6984', 'http://localhost:*', 'http://127.0.0.1:*', ...new Set(origins)]);
    expect(sources).toContain('https://*.pipedrive.com');
    // No scheme-only or catch-all source, and no console host: tokens go to APIs only.
    expect(sources!.filter((s) => /^(https?:|\*|data:|blob:)$/.test(s) || s === 'https://*')).toEqual([]);
    expect(directive(manifest.content_security_policy.extension_pages, 'script-src')).toEqual(["'self'"]);
  });
});
