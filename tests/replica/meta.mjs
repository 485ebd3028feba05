// Meta Marketing API replica: the Graph API (v25.0) on graph.facebook.com: the ad account
// (`/act_<id>?fields=...`), account/campaign insights with date presets, metric strings and
// cursor paging, OAuthException errors, and the usage headers Meta sends on every answer
// (X-Business-Use-Case-Usage, X-Ad-Account-Usage). Usage climbs with each call; past 100% the
// replica throttles with code 80000 the way Meta does. Ads Manager is a shell page only.
// Meta Ads holds no people, so there is no Ann fixture (the signature matches the other replicas).
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const META_AD_ACCOUNT = 'act_120208765432109';
export const META_DEMO_TOKEN = 'EAAGdemoMetaAds7c1f9e24b8a60d35';
export const META_BUSINESS_ID = '102938475610293';
const API_HOST = 'graph.facebook.com';
const CONSOLE_HOST = 'adsmanager.facebook.com';
/** Calls an hour the replica allows the account (Meta's real budget is a formula; small here so tests reach it). */
export const META_CALLS_PER_HOUR = 200;
const HOUR = 3_600_000;

const ACCOUNT = { id: META_AD_ACCOUNT, account_id: META_AD_ACCOUNT.slice(4), name: 'Acme Robotics – Ads', currency: 'USD', timezone_name: 'America/Los_Angeles', account_status: 1 };
const CAMPAIGNS = [
  { id: '120208765400001', name: 'Prospecting – Lookalike 1%', share: 0.46 },
  { id: '120208765400002', name: 'Retargeting – Site visitors 30d', share: 0.31 },
  { id: '120208765400003', name: 'Lead gen – Demo request form', share: 0.23 },
];
const PRESETS = { today: [0, 0], yesterday: [1, 1], last_3d: [3, 1], last_7d: [7, 1], last_14d: [14, 1], last_28d: [28, 1], last_30d: [30, 1], last_90d: [90, 1] };

/** One day's account numbers by days-before-today, so "last_7d" is the same on every run. */
function dayValues(offset) {
  const random = mulberry32(7000 + offset);
  const impressions = 9000 + Math.floor(random() * 5000);
  const clicks = Math.round(impressions * (0.011 + random() * 0.008));
  const spendCents = clicks * (55 + Math.floor(random() * 40));
  const purchases = Math.round(clicks * (0.02 + random() * 0.015));
  const leads = Math.round(clicks * (0.03 + random() * 0.02));
  return { impressions, clicks, spendCents, purchases, purchaseValueCents: purchases * (6400 + Math.floor(random() * 3000)), leads, landing: Math.round(clicks * 0.8), addToCart: purchases * 3 };
}

/** Added to yesterday's numbers (tests: "late conversions arrived"), so both ranges change between captures. */
const late = { spendCents: 0, clicks: 0, purchases: 0, purchaseValueCents: 0 };

function totals(start, end, share = 1) {
  const sum = { impressions: 0, clicks: 0, spendCents: 0, purchases: 0, purchaseValueCents: 0, leads: 0, landing: 0, addToCart: 0 };
  for (let d = end; d <= start; d++) for (const [k, v] of Object.entries(dayValues(d))) sum[k] += v;
  if (end <= 1 && start >= 1) for (const [k, v] of Object.entries(late)) sum[k] += v;
  for (const k of Object.keys(sum)) sum[k] = Math.round(sum[k] * share);
  return sum;
}

const isoDay = (offset, now) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - offset * 86_400_000).toISOString().slice(0, 10);
const money = (cents) => (cents / 100).toFixed(2).replace(/\.?0+$/, '');
const ratio = (v) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '0');

/** Every field an insights row can carry for these totals, as Meta writes them: all strings. */
function fullRow(t, start, end, now, campaign) {
  const stat = (action_type, value) => ({ action_type, value: String(value) });
  const actions = [stat('link_click', t.clicks), stat('landing_page_view', t.landing), stat('lead', t.leads), stat('add_to_cart', t.addToCart), stat('purchase', t.purchases), stat('omni_purchase', t.purchases), stat('offsite_conversion.fb_pixel_purchase', t.purchases)];
  const action_values = [stat('add_to_cart', money(t.purchaseValueCents * 1.8)), stat('purchase', money(t.purchaseValueCents)), stat('omni_purchase', money(t.purchaseValueCents)), stat('offsite_conversion.fb_pixel_purchase', money(t.purchaseValueCents))];
  return {
    account_id: ACCOUNT.account_id,
    account_name: ACCOUNT.name,
    account_currency: ACCOUNT.currency,
    ...(campaign ? { campaign_id: campaign.id, campaign_name: campaign.name } : {}),
    spend: money(t.spendCents),
    impressions: String(t.impressions),
    clicks: String(t.clicks),
    ctr: ratio(t.impressions ? (t.clicks / t.impressions) * 100 : 0),
    cpc: ratio(t.clicks ? t.spendCents / 100 / t.clicks : 0),
    cpm: ratio(t.impressions ? (t.spendCents / 100 / t.impressions) * 1000 : 0),
    actions,
    action_values,
    date_start: isoDay(start, now),
    date_stop: isoDay(end, now),
  };
}

const fbtrace = () => `A${Math.random().toString(36).slice(2, 12)}`;
const metaError = (message, type, code, extra = {}) => ({ error: { message, type, code, ...extra, fbtrace_id: fbtrace() } });

/** The insights answer for a query, or { status, body } as Meta refuses it. */
export function insightsAnswer(params, now = new Date()) {
  let range;
  const timeRange = params.get('time_range');
  if (timeRange) {
    // {"since":"YYYY-MM-DD","until":"YYYY-MM-DD"}, both days included; days counted back from today (UTC here).
    let parsed;
    try {
      parsed = JSON.parse(timeRange);
    } catch {
      parsed = null;
    }
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (!parsed || !day.test(parsed.since ?? '') || !day.test(parsed.until ?? '') || parsed.since > parsed.until) {
      return { status: 400, body: metaError('(#100) time_range must be a JSON object with since and until dates (YYYY-MM-DD), since not after until', 'OAuthException', 100) };
    }
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    range = [Math.round((today - Date.parse(parsed.since)) / 86_400_000), Math.round((today - Date.parse(parsed.until)) / 86_400_000)];
  } else {
    const preset = params.get('date_preset') ?? 'last_30d';
    range = PRESETS[preset];
    if (!range) return { status: 400, body: metaError(`(#100) date_preset must be one of the following values: ${Object.keys(PRESETS).join(', ')}`, 'OAuthException', 100) };
  }
  const level = params.get('level') ?? 'account';
  if (!['account', 'campaign'].includes(level)) return { status: 400, body: metaError('(#100) level must be one of the following values: ad, adset, campaign, account', 'OAuthException', 100) };
  const [start, end] = range;
  const fields = (params.get('fields') ?? 'account_id,impressions,spend').split(',').map((f) => f.trim()).filter(Boolean);
  const pick = (row) => Object.fromEntries(Object.entries(row).filter(([k]) => fields.includes(k) || k === 'date_start' || k === 'date_stop' || (level === 'campaign' && k === 'campaign_id')));
  let rows = level === 'account' ? [fullRow(totals(start, end), start, end, now)] : CAMPAIGNS.map((c) => fullRow(totals(start, end, c.share), start, end, now, c));
  // Meta leaves out what did not deliver: no impressions, no row.
  rows = rows.filter((r) => Number(r.impressions) > 0).map(pick);
  const limit = Math.max(1, Number(params.get('limit') ?? 25));
  const after = params.get('after');
  const from = after ? Number(Buffer.from(after, 'base64').toString('utf8')) + 1 : 0;
  const page = rows.slice(from, from + limit);
  const cursor = (i) => Buffer.from(String(i)).toString('base64');
  const body = { data: page };
  if (page.length) {
    body.paging = { cursors: { before: cursor(from), after: cursor(from + page.length - 1) } };
    if (from + page.length < rows.length) {
      const next = new URLSearchParams(params);
      next.set('after', cursor(from + page.length - 1));
      body.paging.next = `https://${API_HOST}/v25.0/${META_AD_ACCOUNT}/insights?${next}`;
    }
  }
  return { status: 200, body };
}

export function createMetaReplica(hubspotData) {
  void hubspotData;
  const state = replicaState([META_DEMO_TOKEN]);
  const calls = [];
  /** Tests set `extraPercent` to start usage higher than the calls alone make it. */
  const usage = { extraPercent: 0, callsPerHour: META_CALLS_PER_HOUR };
  const data = { account: ACCOUNT, campaigns: CAMPAIGNS, usage, late };

  /** This hour's usage in percent after one more call, and the headers Meta sends with it. */
  function usageHeaders(type) {
    const now = Date.now();
    while (calls.length && calls[0] <= now - HOUR) calls.shift();
    calls.push(now);
    const percent = Math.min(100, Math.round((calls.length / usage.callsPerHour) * 100) + usage.extraPercent);
    const throttled = percent >= 100;
    const resetSeconds = throttled || percent >= 75 ? Math.max(1, Math.ceil((calls[0] + HOUR - now) / 1000)) : 0;
    const buc = { [META_BUSINESS_ID]: [{ type, call_count: percent, total_cputime: Math.round(percent * 0.6), total_time: Math.round(percent * 0.7), estimated_time_to_regain_access: throttled ? Math.ceil(resetSeconds / 60) : 0, ads_api_access_tier: 'standard_access' }] };
    return {
      throttled,
      headers: {
        'x-business-use-case-usage': JSON.stringify(buc),
        'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: percent, reset_time_duration: resetSeconds, ads_api_access_tier: 'standard_access' }),
        'x-fb-trace-id': fbtrace(),
      },
    };
  }

  function tokenOf(req, url) {
    const auth = req.headers.authorization ?? '';
    const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(auth);
    return m ? m[1] : url.searchParams.get('access_token');
  }

  async function handleApi(req, res, url) {
    const path = url.pathname;
    const token = tokenOf(req, url);
    state.requests.push({ host: API_HOST, method: req.method, path: path.replace(/access_token=[^&]*/, '') + url.search.replace(/access_token=[^&]*/, 'access_token=…'), at: Date.now(), auth: Boolean(token) });
    if (await applyFaults(state, req, res, path)) return;
    if (!token) return sendJson(res, 400, metaError('An access token is required to request this resource.', 'OAuthException', 104));
    if (!state.tokens.has(token)) return sendJson(res, 400, metaError('Invalid OAuth access token - Cannot parse access token', 'OAuthException', 190), { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"' });
    const m = /^\/v\d+\.\d+\/(act_\d+)(\/insights)?\/?$/.exec(path);
    if (!m || req.method !== 'GET') return sendJson(res, 400, metaError(`Unknown path components: ${path}`, 'OAuthException', 2500));
    if (m[1] !== META_AD_ACCOUNT) {
      return sendJson(res, 400, metaError(`Unsupported get request. Object with ID '${m[1]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`, 'GraphMethodException', 100, { error_subcode: 33 }));
    }
    const { throttled, headers } = usageHeaders(m[2] ? 'ads_insights' : 'ads_management');
    if (throttled) {
      return sendJson(res, 400, metaError('(#80000) There have been too many calls from this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.', 'OAuthException', 80000, { error_subcode: 2446079, is_transient: true }), headers);
    }
    if (!m[2]) {
      const fields = (url.searchParams.get('fields') ?? 'id').split(',').map((f) => f.trim());
      return sendJson(res, 200, Object.fromEntries(Object.entries(ACCOUNT).filter(([k]) => k === 'id' || fields.includes(k))), headers);
    }
    const answer = insightsAnswer(url.searchParams);
    return sendJson(res, answer.status, answer.body, headers);
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    if (/^\/adsmanager(\/|$)/.test(url.pathname) || url.pathname === '/') {
      return sendHtml(res, 200, 'Ads Manager – Meta', `<h1>${escapeHtml(ACCOUNT.name)}</h1><p>Ad account <code>${escapeHtml(META_AD_ACCOUNT)}</code>: campaigns.</p>`);
    }
    return sendHtml(res, 404, 'Ads Manager', '<h1>Not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
