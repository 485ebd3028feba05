// Google Ads API replica on googleads.googleapis.com: GAQL through `googleAds:searchStream` (POST
// {query}, an ARRAY of result batches, camelCase fields, int64 as strings), listAccessibleCustomers,
// auth by `Authorization: Bearer` + `developer-token` (+ `login-customer-id` for a manager), and
// failures as google.rpc.Status with a GoogleAdsFailure, wrapped as searchStream wraps them
// (`[{error: {...}}]`). Quotas are counted per developer token, as Google counts them: one
// operation per query, 15,000 a day for Basic access (RESOURCE_EXHAUSTED with a retryDelay of a
// day), and a short-term RESOURCE_TEMPORARILY_EXHAUSTED for bursts.
// Google Ads holds no people, so nothing is derived from the seed's contacts.
import { applyFaults, correlationId, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const GOOGLE_ADS_DEVELOPER_TOKEN = 'demoDevToken-Ab12Cd34Ef56';
export const GOOGLE_ADS_ACCESS_TOKEN = 'ya29.demo-ads-7c1f0e2b9d4a6358';
/** What the user pastes in Options: `<developer token>:<access token>`. */
export const GOOGLE_ADS_DEMO_TOKEN = `${GOOGLE_ADS_DEVELOPER_TOKEN}:${GOOGLE_ADS_ACCESS_TOKEN}`;
export const GOOGLE_ADS_CUSTOMER = '123-456-7890';
const API_HOST = 'googleads.googleapis.com';
const CONSOLE_HOST = 'ads.google.com';
const FAILURE_TYPE = 'type.googleapis.com/google.ads.googleads.v22.errors.GoogleAdsFailure';
const DAY = 86_400_000;

/** Accounts by id; the manager manages the Japanese shop, which the demo user reaches only through it. */
const CUSTOMERS = {
  1234567890: { descriptiveName: 'Demo Store – Search', currencyCode: 'EUR', timeZone: 'Europe/Berlin', manager: false, campaigns: [['20001', 'Brand – Search'], ['20002', 'Spring Sale – Performance Max'], ['20003', 'Generic – Search']] },
  9876543210: { descriptiveName: 'Demo Agency MCC', currencyCode: 'USD', timeZone: 'America/New_York', manager: true, campaigns: [], clients: ['5550001111'] },
  5550001111: { descriptiveName: 'Demo Store Japan', currencyCode: 'JPY', timeZone: 'Asia/Tokyo', manager: false, campaigns: [['30001', 'Japan – Search']] },
};

/** A campaign's day, `daysAgo` before today, the same on every run. Money in micros; conversions fractional (attribution). */
function campaignDay(campaignId, daysAgo, currencyCode) {
  const random = mulberry32(Number(campaignId) * 1000 + daysAgo);
  const impressions = 800 + Math.floor(random() * 2400);
  const clicks = Math.round(impressions * (0.03 + random() * 0.05));
  const scale = currencyCode === 'JPY' ? 150 : 1;
  const costMicros = Math.round(clicks * (0.4 + random() * 1.2) * scale * 100) * 10_000;
  const conversions = Math.round(clicks * (0.02 + random() * 0.05) * 2) / 2;
  const conversionsValue = Math.round(conversions * (40 + random() * 60) * scale * 100) / 100;
  return { impressions, clicks, costMicros, conversions, conversionsValue };
}

const FIELDS = {
  customer: ['customer.id', 'customer.descriptive_name', 'customer.currency_code', 'customer.time_zone', 'customer.manager', 'customer.test_account', 'customer.resource_name'],
  campaign: ['campaign.id', 'campaign.name', 'campaign.status', 'campaign.resource_name'],
};
const METRICS = ['metrics.cost_micros', 'metrics.clicks', 'metrics.impressions', 'metrics.conversions', 'metrics.conversions_value', 'metrics.cost_per_conversion'];
const DURING = { TODAY: [0, 0], YESTERDAY: [1, 1], LAST_7_DAYS: [7, 1], LAST_14_DAYS: [14, 1], LAST_30_DAYS: [30, 1] };
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

const status = (code, statusName, message, errors = []) => ({
  error: { code, message, status: statusName, details: [{ '@type': FAILURE_TYPE, errors, requestId: correlationId().replaceAll('-', '').slice(0, 22) }] },
});
const adsError = (kind, value, message, extra = {}) => ({ errorCode: { [kind]: value }, message, ...extra });
const invalidQuery = (value, message) => ({ status: 400, body: status(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', [adsError('queryError', value, message)]) });

const isoDay = (daysAgo, now) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY).toISOString().slice(0, 10);

/** [oldest, newest] in days before today for a WHERE clause, or an error answer. */
function dateRange(where, now) {
  if (!where) return { range: [30, 0] };
  const during = /^segments\.date\s+DURING\s+(\w+)$/i.exec(where.trim());
  if (during) return DURING[during[1].toUpperCase()] ? { range: DURING[during[1].toUpperCase()] } : { error: invalidQuery('INVALID_ENUM_VALUE', `Invalid enum value: ${during[1]}.`) };
  const between = /^segments\.date\s+BETWEEN\s+'(\d{4}-\d{2}-\d{2})'\s+AND\s+'(\d{4}-\d{2}-\d{2})'$/i.exec(where.trim());
  if (between) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return { range: [Math.round((today - Date.parse(between[1])) / DAY), Math.round((today - Date.parse(between[2])) / DAY)] };
  }
  return { error: invalidQuery('UNEXPECTED_INPUT', `Error in WHERE clause: the replica reads only segments.date DURING or BETWEEN, got “${where}”.`) };
}

/** Runs a GAQL query for a customer: `{ rows, fieldMask }` or `{ error }`. */
export function runQuery(data, customerId, query, now = new Date()) {
  const m = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/is.exec(query ?? '');
  if (!m) return { error: invalidQuery('UNEXPECTED_INPUT', 'Error in query: expected SELECT ... FROM ....') };
  const fields = m[1].split(',').map((f) => f.trim());
  const resource = m[2].toLowerCase();
  if (!FIELDS[resource]) return { error: invalidQuery('INVALID_RESOURCE_NAME_IN_FROM_CLAUSE', `Invalid resource name in FROM clause: ${m[2]}.`) };
  for (const field of fields) {
    const known = FIELDS[resource].includes(field) || METRICS.includes(field) || field === 'segments.date' || (resource === 'campaign' && FIELDS.customer.includes(field));
    if (!known) return { error: invalidQuery('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${field}'.`) };
  }
  const { range, error } = dateRange(m[3], now);
  if (error) return { error };
  const customer = data.customers[customerId];
  const byDate = fields.includes('segments.date');
  const hasMetrics = fields.some((f) => f.startsWith('metrics.'));
  const days = [];
  for (let d = range[0]; d >= range[1]; d--) days.push(d);
  const entities = resource === 'campaign' ? customer.campaigns : [null];
  const rows = [];
  for (const campaign of entities) {
    const ids = campaign ? [campaign[0]] : customer.campaigns.map((c) => c[0]);
    const groups = hasMetrics ? (byDate ? days.map((d) => [d]) : [days]) : [[]];
    for (const group of groups) {
      const sum = { impressions: 0, clicks: 0, costMicros: 0, conversions: 0, conversionsValue: 0 };
      for (const id of ids) for (const d of group) for (const [k, v] of Object.entries(data.day(id, d, customer.currencyCode))) sum[k] += v;
      // Like Google: a segmented row with no impressions is not returned.
      if (hasMetrics && sum.impressions === 0 && (byDate || campaign)) continue;
      const row = {};
      const set = (path, value) => {
        const [head, key] = path.split('.');
        row[head] = { ...(row[head] ?? {}), [camel(key)]: value };
      };
      for (const field of fields) {
        const [head, key] = field.split('.');
        if (head === 'customer') {
          set('customer.resource_name', `customers/${customerId}`);
          if (key !== 'resource_name') set(field, key === 'id' ? customerId : customer[camel(key)] ?? false);
        } else if (head === 'campaign') {
          set('campaign.resource_name', `customers/${customerId}/campaigns/${campaign[0]}`);
          if (key === 'id') set(field, campaign[0]);
          else if (key === 'name') set(field, campaign[1]);
          else if (key === 'status') set(field, 'ENABLED');
        } else if (head === 'segments') set(field, isoDay(group[0], now));
        else if (key === 'cost_micros') set(field, String(sum.costMicros));
        else if (key === 'clicks' || key === 'impressions') set(field, String(sum[key]));
        else if (key === 'conversions') set(field, Math.round(sum.conversions * 100) / 100);
        else if (key === 'conversions_value') set(field, Math.round(sum.conversionsValue * 100) / 100);
        else if (key === 'cost_per_conversion') set(field, sum.conversions ? sum.costMicros / sum.conversions : 0);
      }
      rows.push(row);
    }
  }
  const limit = m[4] ? Number(m[4]) : Infinity;
  return { rows: rows.slice(0, limit), fieldMask: fields.map((f) => f.split('.').map(camel).join('.')).join(',') };
}

export function createGoogleAdsReplica(hubspotData) {
  void hubspotData; // Google Ads has no people to derive; the signature matches the other replicas.
  const state = replicaState([GOOGLE_ADS_ACCESS_TOKEN]);
  /** Test hooks: expired access tokens, the daily budget per developer token and the batch size. */
  const data = {
    customers: CUSTOMERS,
    developerTokens: new Set([GOOGLE_ADS_DEVELOPER_TOKEN]),
    /** Which accounts each access token's Google user may open without a manager. */
    directAccess: new Set(['1234567890', '9876543210']),
    expiredTokens: new Set(),
    operationsPerDay: 15_000,
    operations: new Map(),
    batchSize: 10_000,
    /** Late conversions and corrections added on top of the generated days: `${campaignId}:${daysAgo}` -> metrics. */
    extra: new Map(),
    day(campaignId, daysAgo, currencyCode) {
      const base = campaignDay(campaignId, daysAgo, currencyCode);
      const add = data.extra.get(`${campaignId}:${daysAgo}`) ?? {};
      return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v + (add[k] ?? 0)]));
    },
    /** Adds to a campaign's day (micros for cost), as late-arriving conversions do. */
    record(campaignId, daysAgo, metrics) {
      const key = `${campaignId}:${daysAgo}`;
      const now = data.extra.get(key) ?? {};
      data.extra.set(key, Object.fromEntries(Object.keys({ ...now, ...metrics }).map((k) => [k, (now[k] ?? 0) + (metrics[k] ?? 0)])));
    },
  };
  const burst = windowLimiter(10, 1000);

  async function handleApi(req, res, url, body) {
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: API_HOST, method: req.method, path: path + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    const stream = /:searchStream$/.test(path);
    // searchStream sends its failure as the one element of an array, like its results.
    const fail = (code, answer) => sendJson(res, code, stream ? [answer] : answer);
    const accessToken = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!accessToken) return fail(401, status(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'));
    if (data.expiredTokens.has(accessToken)) return fail(401, status(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.', [adsError('authenticationError', 'OAUTH_TOKEN_EXPIRED', 'OAuth token in the header has expired.')]));
    if (!state.tokens.has(accessToken)) return fail(401, status(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.', [adsError('authenticationError', 'OAUTH_TOKEN_INVALID', 'OAuth token in the header is not valid.')]));
    const developerToken = String(req.headers['developer-token'] ?? '');
    if (!developerToken) return fail(401, status(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.', [adsError('authenticationError', 'DEVELOPER_TOKEN_PARAMETER_MISSING', 'The developer token is not on the request.')]));
    if (!data.developerTokens.has(developerToken)) return fail(401, status(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.', [adsError('authenticationError', 'DEVELOPER_TOKEN_INVALID', 'The developer token is not valid.')]));

    // Quotas belong to the developer token: a day's operations, and bursts.
    const quotaError = (value, message, rateName, retryDelay) =>
      fail(429, status(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', [adsError('quotaError', value, message, { details: { quotaErrorDetails: { rateScope: 'DEVELOPER', rateName, retryDelay } } })]));
    if (!burst.hit(developerToken).allowed) return quotaError('RESOURCE_TEMPORARILY_EXHAUSTED', 'Too many requests in a short amount of time. Retry in 1 seconds.', 'Requests per developer token', '1s');
    const today = new Date().toISOString().slice(0, 10);
    const used = data.operations.get(`${developerToken}:${today}`) ?? 0;
    if (used >= data.operationsPerDay) return quotaError('RESOURCE_EXHAUSTED', 'Too many requests. Retry in 86400 seconds.', 'Number of operations for basic access', '86400s');
    data.operations.set(`${developerToken}:${today}`, used + 1);

    const version = /^\/v(\d+)\//.exec(path);
    if (!version) return fail(404, { error: { code: 404, message: `Method not found: ${path}`, status: 'NOT_FOUND' } });
    if (req.method === 'GET' && path.endsWith('/customers:listAccessibleCustomers')) {
      return sendJson(res, 200, { resourceNames: [...data.directAccess].map((id) => `customers/${id}`) });
    }
    const m = /^\/v\d+\/customers\/([^/]+)\/googleAds:searchStream$/.exec(path);
    if (!m || req.method !== 'POST') return fail(404, { error: { code: 404, message: `Method not found: ${path}`, status: 'NOT_FOUND' } });
    const customerId = m[1];
    if (!/^\d{10}$/.test(customerId)) return fail(400, status(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', [adsError('authenticationError', 'CLIENT_CUSTOMER_ID_INVALID', 'Client customer ID is not a number.')]));
    const loginCustomer = req.headers['login-customer-id'] ? String(req.headers['login-customer-id']) : undefined;
    const denied = () => fail(403, status(403, 'PERMISSION_DENIED', "The caller does not have permission", [adsError('authorizationError', 'USER_PERMISSION_DENIED', "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer ID must be set in the 'login-customer-id' header. See https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid")]));
    if (!data.customers[customerId]) return denied();
    if (loginCustomer) {
      const manager = data.customers[loginCustomer];
      if (!manager || !data.directAccess.has(loginCustomer)) return denied();
      if (loginCustomer !== customerId && !(manager.clients ?? []).includes(customerId)) return denied();
    } else if (!data.directAccess.has(customerId)) return denied();

    const answer = runQuery(data, customerId, body?.query);
    if (answer.error) return fail(answer.error.status, answer.error.body);
    const requestId = correlationId().replaceAll('-', '').slice(0, 22);
    const batches = [];
    for (let i = 0; i < answer.rows.length; i += data.batchSize) batches.push({ results: answer.rows.slice(i, i + data.batchSize), fieldMask: answer.fieldMask, requestId });
    if (batches.length === 0) batches.push({ fieldMask: answer.fieldMask, requestId });
    batches.at(-1).queryResourceConsumption = String(100 + answer.rows.length * 3);
    return sendJson(res, 200, batches);
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    if (url.pathname.startsWith('/aw/')) {
      return sendHtml(res, 200, 'Overview – Demo Store – Search – Google Ads', `<h1>Demo Store – Search</h1><p>Account <code>${escapeHtml(GOOGLE_ADS_CUSTOMER)}</code>. Campaigns overview.</p>`);
    }
    return sendHtml(res, 404, 'Google Ads', '<h1>Not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
