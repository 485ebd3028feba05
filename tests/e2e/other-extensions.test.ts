import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { contactUrl, startEnvironment, type Environment } from './environment';

/**
 * Another installed extension (tests/fixtures/hostile-extension, with <all_urls>, tabs and
 * management) finds us by name and sends every message shape our worker knows, by id and over a
 * port, from its worker and from its content script on a HubSpot page. None may be answered and
 * none may make us call a vendor.
 */
let env: Environment;
let hostile: Worker;
/** A HubSpot contact page opened before HubSpot was connected: contact 106 is not in the cache. */
let vendorPage: Page;
const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile-extension');

type Attempt = { via: 'sendMessage' | 'port'; reply?: unknown; threw?: string; closed?: string; answers?: unknown[] };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Every request to the replicas but the HubSpot console page itself: any vendor API. */
const apiTraffic = () => (env.replica.traffic as Array<{ host: string; url: string }>).filter((r) => r.host !== 'app.hubspot.com');

beforeAll(async () => {
  env = await startEnvironment({ otherExtensionDirs: [HOSTILE] });
  vendorPage = await env.context.newPage();
  await vendorPage.goto(contactUrl('106'));
  await sleep(1500); // our content script's visit: nothing to fetch with yet
  await (await env.connect()).close();
  const isHostile = (w: Worker) => w.url().endsWith('/hostile-worker.js');
  hostile = env.context.serviceWorkers().find(isHostile) ?? (await env.context.waitForEvent('serviceworker', { predicate: isHostile, timeout: 30_000 }));
});
afterAll(async () => {
  await env?.close();
});

/** Calls one of the functions the hostile worker exposes (see tests/fixtures/hostile-extension). */
function inHostileWorker<T>(name: 'targetId' | 'attackFromWorker' | 'attackFromContent' | 'contentResults', arg?: string): Promise<T> {
  return hostile.evaluate(([fn, value]) => (self as unknown as Record<string, (value?: string) => Promise<T>>)[fn]!(value), [name, arg] as const);
}

function expectNothingAnswered(attempts: Attempt[]): void {
  expect(attempts.length).toBeGreaterThan(10);
  for (const attempt of attempts) {
    // Chrome says nobody is listening: no reply, no port message, the port closed at once.
    if (attempt.via === 'sendMessage') expect(attempt).toEqual({ via: 'sendMessage', threw: expect.stringMatching(/Receiving end does not exist/) });
    else expect(attempt).toEqual({ via: 'port', closed: expect.stringMatching(/Receiving end does not exist/), answers: [] });
  }
}

describe('another extension', () => {
  it('finds us, but its worker gets no answer and makes us call no vendor', async () => {
    await expect(inHostileWorker<string>('targetId')).resolves.toBe(env.extensionId);
    const before = apiTraffic().length;
    const attempts = await inHostileWorker<Attempt[]>('attackFromWorker');
    expectNothingAnswered(attempts);
    await sleep(2000);
    expect(apiTraffic().slice(before)).toEqual([]);
  });

  it('gets nothing from its content script on a vendor page where ours runs too', async () => {
    // Had it been taken for ours, its pageVisited would fetch contact 106 now.
    const before = apiTraffic().length;
    await inHostileWorker('attackFromContent', vendorPage.url());
    await expect.poll(() => inHostileWorker<Attempt[] | null>('contentResults'), { timeout: 20_000 }).not.toBeNull();
    expectNothingAnswered((await inHostileWorker<Attempt[]>('contentResults'))!);
    await sleep(2000);
    expect(apiTraffic().slice(before)).toEqual([]);
    // And nothing changed for the user: the record shows (not locked), the attacker's token was not stored.
    const panel = await env.openPanel(vendorPage);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBeTruthy();
    const stored = await (await env.worker()).evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain('attacker');
    await Promise.all([vendorPage.close(), panel.close()]);
  });
});
