// `npm run bench [-- --json FILE] [--check] [--large] [--sizes N,N]`: performance in a real browser, as ratios
// against a baseline measured in the same run where a ratio makes sense (DESIGN.md section 9).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { buildExtension } from './lib/build-extension.mjs';
import { bundleKB, entryFiles } from './lib/bundle-size.mjs';
import { connectThroughOptions, launchWithExtension, openPanel, serviceWorker, stopServiceWorker } from './lib/browser.mjs';
import { bootstrapMedianCI, p95, p95ChartSvg } from './lib/bench-stats.mjs';
import { waitUntilBrowserIdle } from './lib/browser-idle.mjs';
import { startReplica } from '../tests/replica/server.mjs';
import { STRIPE_DEMO_KEY } from '../tests/replica/stripe.mjs';

const args = process.argv.slice(2);
const jsonFile = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
// `--quick`: small sizes only, to see that every part runs (its figures are not the budgets' sizes).
const quick = args.includes('--quick');
// `--sizes`: only these store sizes (one `--large` round costs ~20 minutes; `--sizes 1000000` skips 10k and 100k).
const chosenSizes = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1].split(',').map(Number) : null;
const sizes = chosenSizes ?? (quick ? [2_000] : [10_000, 100_000, ...(args.includes('--large') ? [1_000_000] : [])]);
const root = resolve(import.meta.dirname, '..');
const benchDir = resolve(root, 'dist/bench');
const DEMO_TOKEN = 'pat-na1-00000000-demo-4815-1623-000000000042';
// Samples behind each p95. With 50 queries of a kind, its p95 was its third slowest, and the
// same 400 queries run three times over one store of 100,000 gave one letter 62, 25 and 39 ms;
// with 200 of each kind, 33, 36 and 38. Twenty wakes made the woken worker's p95 their slowest.
const SEARCH_QUERIES = quick ? 400 : 1600;
const LOOKUPS = quick ? 300 : 1000;
const WAKES = quick ? 20 : 60;

const BUDGETS = {
  syncRecordsPerSecMin: 2000,
  ingestRatio: 2.5,
  lookupP95Ms: 5,
  searchP95Ms: 20,
  cachedProfileMs: 50,
  cachedProfileColdMs: 100,
  workerFirstMessageP95Ms: 50,
  freshProfileMs: 300,
  hostPageOverheadRatio: 1.03,
  panelHeapMB: 30,
  bundleGzipKB: { panel: 60, background: 90, content: 15 },
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (message) => console.error(`… ${message}`);

/** A one-file extension for a baseline: a worker with this code, and a page of its own to ask from. */
function writeTinyExtension(dir, name, workerCode, { module = false } = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name, version: '1.0', background: { service_worker: 'background.js', ...(module ? { type: 'module' } : {}) } }));
  writeFileSync(join(dir, 'background.js'), workerCode);
  writeFileSync(join(dir, 'page.html'), `<!doctype html><title>${name}</title>`);
  return dir;
}
/** An extension whose worker does nothing: the baseline browser for host-page overhead. */
const writeBlankExtension = (dir) => writeTinyExtension(dir, 'Blank', '');
/**
 * The floor under a woken worker's first answer: a module worker that only answers (Chrome's
 * cost of starting any worker and carrying a message to it).
 */
const writeAnsweringExtension = (dir) => writeTinyExtension(dir, 'Floor', "chrome.runtime.onMessage.addListener((message, sender, reply) => void reply({ ok: true }));\n", { module: true });

/** How long a stopped worker takes to answer a message from `page`, each time stopped first. */
async function wokenWorkerAnswers(context, page, message, rounds) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    await stopServiceWorker(context, page);
    times.push(
      await page.evaluate(async (message) => {
        const start = performance.now();
        await chrome.runtime.sendMessage(message);
        return performance.now() - start;
      }, message),
    );
  }
  return times;
}

log('building the extension with the benchmark page');
await buildExtension({ chromeDir: benchDir, firefoxDir: null, bench: true });
// 100,000 more HubSpot contacts for the sync throughput (Stripe's replica makes a customer of every other one).
const SYNC_RECORDS = quick ? 2_000 : 100_000;
const replica = await startReplica({ bulkContacts: SYNC_RECORDS });
/** The benchmark page of a browser, and a way to call what it exposes. */
async function openBenchPage(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bench.html`);
  await page.waitForFunction(() => document.title === 'bench ready');
  const call = (method, ...params) => page.evaluate(([m, p]) => globalThis.customerViewBench[m](...p), [method, params]);
  await call('holdScheduledSyncs');
  return { page, call };
}

log(`sync throughput: ${SYNC_RECORDS.toLocaleString()} HubSpot contacts, then Stripe customers, unpaced, each into a new browser profile`);
// Each kind of page syncs into a store of its own: measured after another sync's records were
// deleted, a sync ran 15-25% slower (the store still works through the deleted index entries),
// whichever kind went second. A user's first sync meets an empty store.
// The replica's own limit would answer 429s to an unpaced client; the vendor's pace is not what is measured.
replica.hubspot.state.rateLimit = { max: 1e9, windowMs: 10_000 };
const syncByKind = {};
for (const [kind, connector, token] of [['hubspot-contacts', 'hubspot', DEMO_TOKEN], ['stripe-customers', 'stripe', STRIPE_DEMO_KEY]]) {
  const browser = await launchWithExtension({ resolverRules: replica.resolverRules, extensionDir: benchDir });
  await (await connectThroughOptions(browser.context, browser.extensionId, connector, token)).close();
  const { call } = await openBenchPage(browser.context, browser.extensionId);
  await call('reset');
  syncByKind[kind] = await call('syncThroughput', connector);
  await browser.context.close();
  log(`${kind}: ${Math.round(syncByKind[kind].recordsPerSec)} records/s over ${syncByKind[kind].records.toLocaleString()} records`);
}
replica.hubspot.state.rateLimit = { max: 100, windowMs: 10_000 };

const { context, extensionId, userDataDir } = await launchWithExtension({ resolverRules: replica.resolverRules, extensionDir: benchDir });
await (await connectThroughOptions(context, extensionId, 'hubspot', DEMO_TOKEN)).close();
await (await connectThroughOptions(context, extensionId, 'stripe', STRIPE_DEMO_KEY)).close();
const { page: benchPage, call } = await openBenchPage(context, extensionId);

const perSize = {};
for (const records of sizes) {
  log(`${records.toLocaleString()} records: generating, ingesting, looking up, searching`);
  await call('reset');
  await call('generate', records, 1);
  const ingest = await call('ingest');
  // Records written as fast as the store takes them may leave the browser busy after (the store
  // compacting), and what is timed meanwhile would be that work as much as ours: lookups and
  // searches start once it is idle, and the wait and the CPU it used are reported. Measured so
  // far: 5 s and 0.6 CPU s after 100,000 records, 10 s and 1.3 CPU s after a million.
  const idle = await waitUntilBrowserIdle(userDataDir);
  log(`the browser went idle ${Math.round(idle.waitedMs / 1000)} s after the write (${idle.cpuSeconds?.toFixed(1) ?? '?'} CPU s meanwhile)`);
  const lookup = await call('lookup', LOOKUPS);
  const search = await call('search', SEARCH_QUERIES);
  perSize[records] = { records, ingestRatio: ingest.ratio, ingestStoreMs: ingest.storeMs, ingestRawMs: ingest.rawMs, idleAfterWriteMs: idle.waitedMs, browserCpuSecondsAfterWrite: idle.cpuSeconds, lookupP95Ms: lookup.p95Ms, searchP95Ms: search.p95Ms, searchP95ByKind: search.p95ByKind, searchMatchP95ByKind: search.matchP95ByKind, searchGroupP95ByKind: search.groupP95ByKind, searchMatchAgainP95ByKind: search.matchAgainP95ByKind };
  log(`lookup p95 ${lookup.p95Ms.toFixed(1)} ms; search p95 by kind of query: ${JSON.stringify(search.p95ByKind)}; of which the match: ${JSON.stringify(search.matchP95ByKind)}, grouping into people: ${JSON.stringify(search.groupP95ByKind)}; the same match again, warm: ${JSON.stringify(search.matchAgainP95ByKind)}`);
  if (records === sizes.at(-1)) {
    log(`panel heap after a search at ${records.toLocaleString()} records`);
    // Extension pages share one renderer: close the bench page (and its generated records) first.
    await benchPage.goto('about:blank');
    const panel = await openPanel(context, extensionId);
    await panel.getByTestId('search-input').fill('ann');
    await panel.getByTestId('search-results').waitFor({ timeout: 30_000 });
    const cdp = await context.newCDPSession(panel);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    perSize[records].panelHeapMB = usedSize / 1024 / 1024;
    await panel.close();
    await benchPage.goto(`chrome-extension://${extensionId}/bench.html`);
    await benchPage.waitForFunction(() => document.title === 'bench ready');
  }
}

log('profile on screen after the tab navigates: fresh from the replica, then from cache');
const tab = await context.newPage();
await tab.goto('https://www.example.com/');
await tab.goto(`https://app.hubspot.com/contacts/${replica.hubspot.data.portalId}`);
const panel = await openPanel(context, extensionId, tab);
const contacts = replica.hubspot.data.contacts.slice(20, 32);
// Timed from the tab's URL changing (its navigation committing, heard as playwright hears it)
// to the profile's name in the panel (heard the same way, on the DOM mutation that shows it):
// before the commit the vendor's server is answering, and no extension is told of a new URL
// (`tabs.onUpdated` reports it at the commit). That wait is reported too, as urlChangedAfterGotoMs.
async function timeProfile(contact) {
  const name = `${contact.properties.firstname} ${contact.properties.lastname}`;
  const gotoAt = performance.now();
  let committedAt;
  const onCommit = (frame) => {
    if (frame === tab.mainFrame() && committedAt === undefined) committedAt = performance.now();
  };
  tab.on('framenavigated', onCommit);
  // Watching before the navigation starts: the panel's clock when the name appears.
  const shown = panel.evaluate(
    (expected) =>
      new Promise((resolve, reject) => {
        const isShown = () => document.querySelector('[data-testid="profile-name"]')?.textContent === expected;
        const observer = new MutationObserver(() => isShown() && (observer.disconnect(), resolve(performance.now())));
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => (observer.disconnect(), reject(new Error(`${expected} was not shown within 15 s`))), 15_000);
      }),
    name,
  );
  await tab.goto(`https://app.hubspot.com/contacts/${replica.hubspot.data.portalId}/record/0-1/${contact.id}`, { waitUntil: 'commit' });
  const shownInPanel = await shown;
  const shownAt = performance.now();
  tab.off('framenavigated', onCommit);
  const ms = shownAt - committedAt;
  // The commit on the panel's own clock, for the breakdown of its marks.
  return { ms, urlChangedAfterGotoMs: committedAt - gotoAt, committedInPanel: shownInPanel - ms, shownInPanel };
}
const fresh = [];
for (const contact of contacts) fresh.push((await timeProfile(contact)).ms);

// Where a cached profile's time goes, from the panel's marks: the panel noticing the tab's new
// URL and asking the worker, the profile showing (from the store, not waiting for the answer),
// and the worker's answer (which includes waking it when it was asleep).
const panelMarks = () => panel.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('record-fetch:')).map((m) => [m.name, m.startTime])));
async function timeCachedProfile(contact, parts) {
  await panel.evaluate(() => performance.clearMarks());
  const timing = await timeProfile(contact);
  await panel.waitForFunction(() => performance.getEntriesByName('record-fetch:answered').length > 0, null, { timeout: 15_000 }).catch(() => {});
  const marks = await panelMarks();
  const sent = marks['record-fetch:sent'];
  const answered = marks['record-fetch:answered'];
  parts.urlChangedAfterGotoMs.push(timing.urlChangedAfterGotoMs);
  if (sent !== undefined) parts.panelAskedMs.push(sent - timing.committedInPanel);
  if (sent !== undefined) parts.shownAfterAskingMs.push(timing.shownInPanel - sent);
  if (sent !== undefined && answered !== undefined) parts.workerAnsweredMs.push(answered - sent);
  return timing.ms;
}
const newParts = () => ({ urlChangedAfterGotoMs: [], panelAskedMs: [], shownAfterAskingMs: [], workerAnsweredMs: [] });
const medians = (parts) => Object.fromEntries(Object.entries(parts).map(([part, values]) => [part, values.length ? Math.round(median(values) * 10) / 10 : null]));
const cached = [];
const warmParts = newParts();
for (const contact of contacts) cached.push(await timeCachedProfile(contact, warmParts));

// The asleep worker: Chrome stops it after 30 s idle, so most profile views start with it stopped.
log('profile from cache with the worker stopped first, and a woken worker\'s first answer');
const cachedCold = [];
const coldParts = newParts();
for (const contact of contacts) {
  await stopServiceWorker(context, panel);
  cachedCold.push(await timeCachedProfile(contact, coldParts));
}
const firstMessage = [];
// The woken worker's own clock starts with it: its script's evaluation ends at the mark it sets.
const workerScriptMs = [];
for (let i = 0; i < WAKES; i++) {
  firstMessage.push(...(await wokenWorkerAnswers(context, panel, { type: 'options→background:vault', request: { action: 'status' } }, 1)));
  const worker = await serviceWorker(context);
  const evaluated = await worker.evaluate(() => performance.getEntriesByName('background:listening')[0]?.startTime ?? null);
  if (evaluated !== null) workerScriptMs.push(evaluated);
}

await context.close();
log('the same first answer from a worker that only answers');
const floor = await launchWithExtension({ resolverRules: replica.resolverRules, extensionDir: writeAnsweringExtension(resolve(root, 'dist/bench-floor')) });
const floorPage = await floor.context.newPage();
await floorPage.goto(`chrome-extension://${floor.extensionId}/page.html`);
const floorFirstMessage = await wokenWorkerAnswers(floor.context, floorPage, { ping: true }, WAKES);
await floor.context.close();

log('host page load with and without the extension');
const heavyUrl = `https://app.hubspot.com/contacts/${replica.hubspot.data.portalId}/objects/0-1/views/all/list?copies=40`;
// The baseline browser is launched the same way with an extension that does nothing: a
// launch without any extension also switches Chromium's extension system off, and that alone
// moved the ratio by more than the budget allows. Both browsers are fresh, and each pair is
// launched in both orders: the browser launched second loaded pages ~5% faster, either way.
const blankDir = writeBlankExtension(resolve(root, 'dist/bench-blank'));
async function loadTime(page) {
  await page.goto(heavyUrl, { waitUntil: 'load' });
  return page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
}
const withExt = [];
const withoutExt = [];
for (const oursFirst of [true, false]) {
  const launch = (extensionDir) => launchWithExtension({ resolverRules: replica.resolverRules, extensionDir });
  const first = await launch(oursFirst ? benchDir : blankDir);
  const second = await launch(oursFirst ? blankDir : benchDir);
  const [ours, blank] = oursFirst ? [first, second] : [second, first];
  const [oursPage, blankPage] = await Promise.all([ours.context.newPage(), blank.context.newPage()]);
  // Alternate one load each, swapping who goes first, so drift on a busy machine hits both alike.
  for (let round = 0; round < (quick ? 4 : 16); round++) {
    let ours;
    if (round % 2) ours = await loadTime(oursPage);
    const blank = await loadTime(blankPage);
    if (!(round % 2)) ours = await loadTime(oursPage);
    withExt.push(ours);
    withoutExt.push(blank);
  }
  await Promise.all([ours.context.close(), blank.context.close()]);
}
await replica.close();

const big = perSize[100_000] ?? perSize[sizes.at(-1)];
const result = {
  records: big.records,
  // The slower kind of page is what a user's sync meets.
  syncRecordsPerSec: Math.min(...Object.values(syncByKind).map((k) => k.recordsPerSec)),
  syncByKind,
  ingestRatio: big.ingestRatio,
  lookupP95Ms: big.lookupP95Ms,
  searchP95Ms: big.searchP95Ms,
  cachedProfileMs: median(cached),
  cachedProfileColdMs: median(cachedCold),
  // Medians of the parts named in timeCachedProfile.
  cachedProfileBreakdownMs: { workerRunning: medians(warmParts), workerStopped: medians(coldParts) },
  workerFirstMessageP95Ms: p95(firstMessage),
  // The same for a worker that only answers (measured in this run): what any worker costs.
  workerFirstMessageFloorP95Ms: p95(floorFirstMessage),
  // Of that: from the worker's start to its listeners registered (script fetched, compiled, run).
  workerScriptReadyMedianMs: workerScriptMs.length ? median(workerScriptMs) : null,
  freshProfileMs: median(fresh),
  // Per alternating pair: our browser's load time over the blank one's.
  hostPageOverheadRatio: median(withExt.map((ours, i) => ours / withoutExt[i])),
  hostPageOverheadCI: bootstrapMedianCI(withExt.map((ours, i) => ours / withoutExt[i])),
  bundleGzipKB: Object.fromEntries(Object.entries(entryFiles(benchDir)).map(([entry, file]) => [entry, bundleKB(file)])),
  panelHeapMB: perSize[sizes.at(-1)].panelHeapMB,
  perSize,
  // How many samples each p95 rests on (search: per kind of query, eight kinds).
  samples: { searchQueriesPerKind: SEARCH_QUERIES / 8, lookups: LOOKUPS, wakes: WAKES },
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version },
  takenAt: new Date().toISOString(),
};

const round2 = (v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v);
const misses = [];
const rows = [];
for (const [key, budget] of Object.entries(BUDGETS)) {
  if (typeof budget === 'object') {
    for (const [part, limit] of Object.entries(budget)) {
      const value = result[key][part];
      if (value > limit) misses.push(`${key}.${part}`);
      rows.push({ metric: `${key}.${part}`, value: round2(value), budget: limit, ok: value <= limit ? 'yes' : 'NO' });
    }
  } else {
    // A floor, not a ceiling.
    if (key.endsWith('Min')) {
      const value = result[key.slice(0, -3)];
      const ok = value >= budget;
      if (!ok) misses.push(key.slice(0, -3));
      rows.push({ metric: key.slice(0, -3), value: round2(value), budget: `≥ ${budget}`, ok: ok ? 'yes' : 'NO' });
      continue;
    }
    const value = result[key];
    // Host page: noise on a shared machine is larger than the budget, so the budget holds when the
    // pairs' 95% interval includes 1.00 (no overhead shown) and the median stays within it.
    const ok = key === 'hostPageOverheadRatio' ? value <= budget && result.hostPageOverheadCI[0] <= 1 && result.hostPageOverheadCI[1] >= 1 : value <= budget;
    if (!ok) misses.push(key);
    rows.push({ metric: key, value: key === 'hostPageOverheadRatio' ? `${round2(value)} [${result.hostPageOverheadCI.map(round2).join(', ')}]` : round2(value), budget, ok: ok ? 'yes' : 'NO' });
  }
}
// Search budgets hold for every kind of query (DESIGN.md section 9), not only for all kinds
// together: at 100,000 records (the table's size) and, with `--large`, at one million.
for (const [records, limit] of [[big.records, BUDGETS.searchP95Ms], [1_000_000, 50]]) {
  for (const [kind, ms] of Object.entries(perSize[records]?.searchP95ByKind ?? {})) {
    if (!(ms <= limit)) misses.push(`perSize.${records}.searchP95ByKind.${kind}`);
  }
}
const million = perSize[1_000_000];
if (million && !(million.searchP95Ms <= 50)) misses.push('perSize.1000000.searchP95Ms');
if (million && !(million.lookupP95Ms <= 5)) misses.push('perSize.1000000.lookupP95Ms');
for (const size of Object.values(perSize)) {
  rows.push({ metric: `@${size.records.toLocaleString()}: ingest / lookup p95 / search p95`, value: `${round2(size.ingestRatio)} / ${round2(size.lookupP95Ms)} ms / ${round2(size.searchP95Ms)} ms`, budget: size.records >= 1_000_000 ? 'search ≤ 50 ms' : '', ok: '' });
}
console.table(rows);
console.log(`machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGB} GB, ${result.machine.platform}`);
console.log(`cached profile, median parts (ms): ${JSON.stringify(result.cachedProfileBreakdownMs)}; woken worker ready to listen after ${round2(result.workerScriptReadyMedianMs)} ms (median); a worker that only answers: first answer p95 ${round2(result.workerFirstMessageFloorP95Ms)} ms`);
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify(result, null, 2));
  const chartFile = jsonFile.replace(/\.json$/, '') + '.svg';
  writeFileSync(chartFile, p95ChartSvg(perSize));
  console.log(`wrote ${jsonFile} and ${chartFile}`);
}
if (args.includes('--check') && misses.length) {
  console.error(`Budgets missed: ${misses.join(', ')}`);
  process.exit(1);
}
