// Google Analytics 4 replica: the Data API's runReport on analyticsdata.googleapis.com (POST JSON,
// positional string values, dateRange rows, propertyQuota, Google's {error:{code,message,status}})
// and a console shell on analytics.google.com. GA4 holds no people, so there is no Ann fixture:
// its API never returns emails, and the profile cannot join anything from it.
// This replica does NOT know `keyEvents` (like older API versions), so the connector's fallback
// to `conversions` is exercised on every demo run.
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const GA4_PROPERTY = '312345678';
export const GA4_DEMO_TOKEN = 'ya29.demo-ga4-4b7d1e9c2a6f0e83';
const API_HOST = 'analyticsdata.googleapis.com';
const CONSOLE_HOST = 'analytics.google.com';
const DAY = 86_400_000;
const TOKENS_PER_DAY = 200_000;
const SCHEMA_URL = 'https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema';

const METRIC_TYPES = {
  activeUsers: 'TYPE_INTEGER', newUsers: 'TYPE_INTEGER', totalUsers: 'TYPE_INTEGER', sessions: 'TYPE_INTEGER', engagedSessions: 'TYPE_INTEGER',
  conversions: 'TYPE_INTEGER', screenPageViews: 'TYPE_INTEGER', totalRevenue: 'TYPE_CURRENCY', engagementRate: 'TYPE_FLOAT', averageSessionDuration: 'TYPE_SECONDS',
};
/** Each dimension's values with their share of the traffic. */
const DIMENSIONS = {
  sessionDefaultChannelGroup: [['Organic Search', 0.41], ['Direct', 0.24], ['Paid Search', 0.13], ['Email', 0.09], ['Organic Social', 0.07], ['Referral', 0.06]],
  country: [['United States', 0.5], ['Germany', 0.15], ['United Kingdom', 0.14], ['Japan', 0.11], ['France', 0.1]],
  deviceCategory: [['desktop', 0.58], ['mobile', 0.38], ['tablet', 0.04]],
};

/** Daily numbers by days-before-today, so "7daysAgo..yesterday" is the same on every run. */
function dayValues(offset) {
  const random = mulberry32(9000 + offset);
  const activeUsers = 420 + Math.floor(random() * 260);
  const sessions = Math.round(activeUsers * (1.3 + random() * 0.2));
  const conversions = Math.round(sessions * (0.015 + random() * 0.01));
  return { activeUsers, newUsers: Math.round(activeUsers * (0.3 + random() * 0.1)), sessions, engagedSessions: Math.round(sessions * (0.58 + random() * 0.1)), conversions, revenueCents: conversions * (7000 + Math.floor(random() * 4000)), views: sessions * 3 };
}

/** 'today', 'yesterday', 'NdaysAgo', 'YYYY-MM-DD' -> days before today; null if GA4 would refuse it. */
function dayOffset(text, now) {
  if (text === 'today') return 0;
  if (text === 'yesterday') return 1;
  const ago = /^(\d+)daysAgo$/.exec(text ?? '');
  if (ago) return Number(ago[1]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text ?? '') || Number.isNaN(Date.parse(text))) return null;
  return Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.parse(text)) / DAY);
}

function rangeTotals(start, end) {
  const sum = { activeUsers: 0, newUsers: 0, sessions: 0, engagedSessions: 0, conversions: 0, revenueCents: 0, views: 0 };
  for (let d = end; d <= start; d++) for (const [k, v] of Object.entries(dayValues(d))) sum[k] += v;
  // The same user on several days counts once.
  if (start > end) sum.activeUsers = Math.round(sum.activeUsers * 0.72);
  return sum;
}

const nudge = (text) => 0.9 + ([...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) % 20) / 100;

function metricValue(name, totals, share, cellName) {
  const int = (v) => String(Math.round(v * share));
  switch (name) {
    case 'activeUsers': case 'totalUsers': return int(totals.activeUsers);
    case 'newUsers': return int(totals.newUsers);
    case 'sessions': return int(totals.sessions);
    case 'engagedSessions': return int(totals.engagedSessions);
    case 'conversions': return int(totals.conversions);
    case 'screenPageViews': return int(totals.views);
    case 'totalRevenue': return String(Math.round(totals.revenueCents * share) / 100);
    case 'engagementRate': return String(totals.sessions ? Math.min(1, (totals.engagedSessions / totals.sessions) * nudge(cellName)) : 0);
    default: return String(totals.sessions ? 95 + (totals.engagedSessions % 60) : 0); // averageSessionDuration
  }
}

const googleError = (code, status, message) => ({ error: { code, message, status } });

/** The runReport answer for a request body, or { status, error } the way GA4 refuses it. */
export function runReport(body, now = new Date(), quota = { consumed: 0 }) {
  const invalid = (message) => ({ status: 400, body: googleError(400, 'INVALID_ARGUMENT', message) });
  if (!body || typeof body !== 'object') return invalid('Invalid JSON payload received.');
  const metrics = (body.metrics ?? []).map((m) => m?.name);
  const dimensions = (body.dimensions ?? []).map((d) => d?.name);
  if (metrics.length === 0) return invalid('Must request at least one metric.');
  for (const m of metrics) if (!(m in METRIC_TYPES)) return invalid(`Field ${m} is not a valid metric. For a list of valid dimensions and metrics, see ${SCHEMA_URL} `);
  for (const d of dimensions) if (!(d in DIMENSIONS)) return invalid(`Field ${d} is not a valid dimension. For a list of valid dimensions and metrics, see ${SCHEMA_URL} `);
  const ranges = body.dateRanges ?? [];
  if (ranges.length === 0 || ranges.length > 4) return invalid('A request must have between 1 and 4 date ranges.');
  const offsets = [];
  for (const r of ranges) {
    const start = dayOffset(r?.startDate, now);
    const end = dayOffset(r?.endDate, now);
    if (start === null || end === null) return invalid(`Invalid date range: ${r?.startDate} to ${r?.endDate}.`);
    if (start < end) return invalid(`The dateRange startDate (${r.startDate}) must not be after endDate (${r.endDate}).`);
    offsets.push([start, end]);
  }
  // Cells: every combination of the requested dimensions' values, with their combined share.
  let cells = [{ values: [], share: 1 }];
  for (const d of dimensions) cells = cells.flatMap((c) => DIMENSIONS[d].map(([value, share]) => ({ values: [...c.values, value], share: c.share * share })));
  const multi = ranges.length > 1;
  const rows = [];
  offsets.forEach(([start, end], i) => {
    const totals = rangeTotals(start, end);
    const rangeName = ranges[i].name ?? `date_range_${i}`;
    const rangeRows = cells.map((c) => ({
      dimensionValues: [...c.values, ...(multi ? [rangeName] : [])].map((value) => ({ value })),
      metricValues: metrics.map((m) => ({ value: metricValue(m, totals, c.share, c.values.join('/')) })),
    }));
    rows.push(...rangeRows.filter((r) => r.metricValues.some((v) => Number(v.value) !== 0)).sort((a, b) => Number(b.metricValues[0].value) - Number(a.metricValues[0].value)));
  });
  const limit = Number(body.limit ?? 10000);
  quota.consumed += 10;
  const report = {
    ...(dimensions.length || multi ? { dimensionHeaders: [...dimensions, ...(multi ? ['dateRange'] : [])].map((name) => ({ name })) } : {}),
    metricHeaders: metrics.map((name) => ({ name, type: METRIC_TYPES[name] })),
    ...(rows.length ? { rows: rows.slice(0, limit), rowCount: rows.length } : {}),
    metadata: { currencyCode: 'USD', timeZone: 'America/Los_Angeles' },
    ...(body.returnPropertyQuota
      ? { propertyQuota: { tokensPerDay: { consumed: 10, remaining: Math.max(0, TOKENS_PER_DAY - quota.consumed) }, tokensPerHour: { consumed: 10, remaining: 39990 }, concurrentRequests: { consumed: 0, remaining: 10 }, serverErrorsPerProjectPerHour: { consumed: 0, remaining: 10 }, potentiallyThresholdedRequestsPerHour: { consumed: 0, remaining: 120 }, tokensPerProjectPerHour: { consumed: 10, remaining: 13990 } } }
      : {}),
    kind: 'analyticsData#runReport',
  };
  return { status: 200, body: report };
}

export function createGa4Replica(hubspotData) {
  void hubspotData; // GA4 has no people to derive; the signature matches the other replicas.
  const state = replicaState([GA4_DEMO_TOKEN]);
  const quota = { consumed: 0 };
  const data = { propertyId: GA4_PROPERTY, quota, dimensions: DIMENSIONS, metricTypes: METRIC_TYPES };

  async function handleApi(req, res, url, body) {
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: API_HOST, method: req.method, path: path + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    if (!auth.startsWith('Bearer ') || !state.tokens.has(auth.slice(7))) {
      return sendJson(res, 401, googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'), { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' });
    }
    const m = /^\/v1beta\/properties\/([^/:]+):runReport$/.exec(path);
    if (!m || req.method !== 'POST') return sendJson(res, 404, googleError(404, 'NOT_FOUND', `Method not found: ${path}`));
    if (m[1] !== GA4_PROPERTY) {
      return sendJson(res, 403, googleError(403, 'PERMISSION_DENIED', 'User does not have sufficient permissions for this property. To learn more about Property ID, see https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.'));
    }
    if (quota.consumed >= TOKENS_PER_DAY) return sendJson(res, 429, googleError(429, 'RESOURCE_EXHAUSTED', 'Exhausted property tokens per day. Request more tokens or wait until tomorrow.'));
    const answer = runReport(body, new Date(), quota);
    return sendJson(res, answer.status, answer.body);
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    // The property is in the URL fragment (#/p312345678/...), which browsers never send: one shell page.
    if (/^\/analytics\/web\/?$/.test(url.pathname)) {
      return sendHtml(res, 200, 'Home – Analytics – Demo Store – GA4', `<h1>Demo Store – GA4</h1><p>Property <code>${escapeHtml(GA4_PROPERTY)}</code>. Reports home.</p>`);
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/analytics/web/' });
      return res.end();
    }
    return sendHtml(res, 404, 'Analytics', '<h1>Not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
