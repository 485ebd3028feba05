// Klaviyo replica on a.klaviyo.com: JSON:API documents (revision header required, private-key
// auth `Klaviyo-API-Key pk_…`, filter=equals(email,"…"), page[cursor] paging via links.next,
// additional-fields, a profile's events with include=metric) and www.klaviyo.com profile and
// list pages. Profiles come from the HubSpot
// seed (about 40% of contacts); Ann Lee has her phone in E.164 and sits in "VIP customers".
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { companyIdOfContact, mulberry32 } from './seed.mjs';

export const KLAVIYO_DEMO_KEY = 'pk_demo_7c1e4a2b9f3d48e6a5b0c2d1';
export const KLAVIYO_ACCOUNT_ID = 'XyZ123';
const ANN_ID = '01HQ8ZK4NV5T3W6RACMEANN101';
export const KLAVIYO_ANN = { id: ANN_ID, consoleUrl: `https://www.klaviyo.com/profile/${ANN_ID}` };
const API = 'https://a.klaviyo.com';
const BASE = Date.UTC(2026, 8, 1);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', '+00:00');
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LISTS = [
  ['VIPcst', 'VIP customers', 'single_opt_in'],
  ['Nw5ltr', 'Newsletter', 'double_opt_in'],
  ['PrdUpd', 'Product updates', 'single_opt_in'],
  ['Wbn24a', 'Webinar attendees', 'single_opt_in'],
];

/** HubSpot phones are typed by people; Klaviyo stores E.164 or nothing. */
const e164 = (phone) => {
  const digits = String(phone ?? '').replace(/\D/g, '');
  return digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : null;
};

export function makeKlaviyoData(hubspot, seed = 23) {
  const random = mulberry32(seed);
  const ulid = () => `01H${Array.from({ length: 23 }, () => CROCKFORD[Math.floor(random() * 32)]).join('')}`;
  const lists = LISTS.map(([id, name, optIn], i) => ({ type: 'list', id, attributes: { name, created: iso(BASE - (500 - i * 60) * DAY), updated: iso(BASE - (20 - i) * DAY), opt_in_process: optIn }, relationships: { profiles: { links: { self: `${API}/api/lists/${id}/relationships/profiles/`, related: `${API}/api/lists/${id}/profiles/` } } }, links: { self: `${API}/api/lists/${id}/` } }));
  const profiles = [];
  const memberships = new Map();
  hubspot.contacts.forEach((contact, index) => {
    if (index % 5 !== 0 && index % 5 !== 2) return;
    const p = contact.properties;
    const isAnn = contact.id === '101';
    const id = isAnn ? ANN_ID : ulid();
    const companyId = companyIdOfContact(hubspot, contact.id);
    const company = companyId && hubspot.companies.find((c) => c.id === companyId);
    const created = BASE - Math.floor(random() * 400) * DAY;
    const lastEvent = isAnn ? BASE - 2 * DAY : random() < 0.8 ? BASE - Math.floor(random() * 90) * DAY : null;
    profiles.push({
      type: 'profile',
      id,
      attributes: {
        email: isAnn ? 'ann.lee@acme-robotics.com' : p.email,
        phone_number: isAnn ? '+14155550100' : random() < 0.6 ? e164(p.phone) : null,
        external_id: null,
        anonymous_id: null,
        first_name: p.firstname,
        last_name: p.lastname,
        organization: company ? company.properties.name : null,
        locale: null,
        title: random() < 0.5 || isAnn ? p.jobtitle : null,
        image: null,
        created: iso(created),
        updated: iso(created + Math.floor(random() * 100) * DAY),
        last_event_date: lastEvent === null ? null : iso(lastEvent),
        location: { address1: null, address2: null, city: company?.properties.city ?? null, country: company?.properties.country ?? null, latitude: null, longitude: null, region: null, zip: null, timezone: null, ip: null },
        properties: isAnn ? { hubspot_contact_id: contact.id, plan: 'Growth' } : {},
      },
      relationships: { lists: { links: { self: `${API}/api/profiles/${id}/relationships/lists/`, related: `${API}/api/profiles/${id}/lists/` } }, segments: { links: { self: `${API}/api/profiles/${id}/relationships/segments/`, related: `${API}/api/profiles/${id}/segments/` } } },
      links: { self: `${API}/api/profiles/${id}/` },
    });
    memberships.set(id, isAnn ? ['VIPcst', 'Nw5ltr'] : LISTS.filter(() => random() < 0.3).map(([listId]) => listId));
  });
  return { accountId: KLAVIYO_ACCOUNT_ID, profiles, lists, memberships };
}

/** Klaviyo's own metrics (ids are 6 characters); "Placed Order" is not an email event and is left out by the connector. */
const METRICS = [
  ['RcvEml', 'Received Email'],
  ['OpnEml', 'Opened Email'],
  ['ClkEml', 'Clicked Email'],
  ['BncEml', 'Bounced Email'],
  ['PlcOrd', 'Placed Order'],
].map(([id, name]) => ({ type: 'metric', id, attributes: { name, created: '2022-09-14T18:05:02+00:00', updated: '2022-09-14T18:05:02+00:00', integration: { object: 'integration', id: '0rG4eQ', key: 'klaviyo', name: 'Klaviyo', category: 'Internal' } }, links: { self: `${API}/api/metrics/${id}/` } }));
const CAMPAIGNS = [
  { id: '01J5KLVCMP1AB2CD3EF4GH5JK6', name: 'VIP early access', subject: 'Your early access starts now', sent: BASE - 40 * DAY },
  { id: '01J7KLVCMP7LM8NP9QR0ST1VW2', name: 'September newsletter', subject: 'What is new in September', sent: BASE - 6 * DAY },
];

/**
 * A profile's events, newest first, as GET /api/events returns them (timestamp in seconds,
 * ISO datetime, event_properties, relationships to profile and metric). Their own random
 * stream, seeded by the profile id, so the seeded profiles stay as they were.
 */
export function eventsOf(profile) {
  const random = mulberry32([...profile.id].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7));
  const isAnn = profile.id === ANN_ID;
  const events = [];
  const add = (metricId, at, properties) => {
    const id = `4${profile.id.slice(-6)}${metricId}${(at / 1000).toString(36)}`;
    events.push({
      type: 'event',
      id,
      attributes: { timestamp: Math.floor(at / 1000), event_properties: properties, datetime: iso(at), uuid: `${id.slice(0, 8)}-0000-11ef-8000-${profile.id.slice(-12).toLowerCase()}` },
      relationships: { profile: { data: { type: 'profile', id: profile.id }, links: { self: `${API}/api/events/${id}/relationships/profile/`, related: `${API}/api/events/${id}/profile/` } }, metric: { data: { type: 'metric', id: metricId }, links: { self: `${API}/api/events/${id}/relationships/metric/`, related: `${API}/api/events/${id}/metric/` } } },
      links: { self: `${API}/api/events/${id}/` },
    });
  };
  for (const campaign of CAMPAIGNS) {
    if (!isAnn && random() < 0.4) continue;
    const email = { 'Campaign Name': campaign.name, Subject: campaign.subject, $message: campaign.id, 'Email Domain': String(profile.attributes.email ?? '').split('@')[1] ?? '', 'Client Type': 'Desktop', $event_id: `${campaign.id}:${profile.id}` };
    add('RcvEml', campaign.sent, email);
    if (isAnn || random() < 0.5) add('OpnEml', campaign.sent + 2 * 3_600_000, { ...email, 'Client Name': 'Gmail' });
    if (isAnn ? campaign === CAMPAIGNS[0] : random() < 0.2) add('ClkEml', campaign.sent + 2 * 3_600_000 + 90_000, { ...email, URL: 'https://acme-demo.com/vip' });
  }
  if (isAnn) add('PlcOrd', BASE - 39 * DAY, { $value: 198, ItemNames: ['Robot arm service plan'], $event_id: 'order-1001' });
  return events.sort((a, b) => b.attributes.timestamp - a.attributes.timestamp);
}

/** `equals(profile_id,"…")`, as the events endpoint takes it; null when malformed. */
function profileIdFilter(filter) {
  const m = /^equals\(profile_id,(?:"([0-9A-Z]{26})"|'([0-9A-Z]{26})')\)$/.exec(filter);
  return m ? (m[1] ?? m[2]) : null;
}

/** Consent and CLV are only sent when asked for with additional-fields[profile]. */
function withAdditional(profile, data, fields) {
  const attributes = { ...profile.attributes };
  const subscribed = (data.memberships.get(profile.id) ?? []).length > 0;
  if (fields.includes('subscriptions')) {
    const consent = subscribed ? 'SUBSCRIBED' : 'NEVER_SUBSCRIBED';
    attributes.subscriptions = {
      email: { marketing: { can_receive_email_marketing: subscribed, consent, consent_timestamp: subscribed ? profile.attributes.created : null, last_updated: profile.attributes.updated, method: subscribed ? 'FORM' : null, method_detail: null, custom_method_detail: null, double_optin: null, suppression: [], list_suppressions: [] } },
      sms: { marketing: { can_receive_sms_marketing: false, consent: 'NEVER_SUBSCRIBED', consent_timestamp: null, method: null, method_detail: null, last_updated: null } },
    };
  }
  if (fields.includes('predictive_analytics')) {
    const orders = profile.id === ANN_ID ? 6 : profile.id.charCodeAt(5) % 4;
    attributes.predictive_analytics = { historic_clv: orders * 198, predicted_clv: orders * 66, total_clv: orders * 264, historic_number_of_orders: orders, predicted_number_of_orders: orders / 3, average_days_between_orders: orders ? 60 : null, average_order_value: orders ? 198 : 0, churn_probability: orders ? 0.2 : 0.9, expected_date_of_next_order: null, ranked_channel_affinity: ['email'] };
  }
  return { ...profile, attributes };
}

/** `equals(email,"…")` (double or single quotes, backslash escapes), as Klaviyo parses it; null when malformed. */
function emailFilter(filter) {
  const m = /^equals\(email,(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\)$/.exec(filter);
  return m ? (m[1] ?? m[2]).replace(/\\(.)/g, '$1') : null;
}

export function createKlaviyoReplica(hubspotData) {
  const data = makeKlaviyoData(hubspotData);
  const state = replicaState([KLAVIYO_DEMO_KEY]);
  const error = (res, status, code, title, detail, source = {}) => sendJson(res, status, { errors: [{ id: `e${Date.now().toString(36)}`, status, code, title, detail, source }] }, { 'content-type': 'application/vnd.api+json' });
  const notFound = (res, what) => error(res, 404, 'not_found', 'Not found.', `A ${what} with the given id was not found.`, { pointer: '/data/' });
  const encode = (n) => Buffer.from(`next::${n}`).toString('base64url');
  const decode = (c) => Number(/^next::(\d+)$/.exec(Buffer.from(c, 'base64url').toString())?.[1] ?? Number.NaN);
  const selfUrl = (url) => `${API}${url.pathname}${url.search}`;

  function page(res, url, items, size) {
    const cursor = url.searchParams.get('page[cursor]');
    const start = cursor ? decode(cursor) : 0;
    if (!Number.isInteger(start)) return error(res, 400, 'invalid', 'Invalid input.', 'Invalid page cursor.', { parameter: 'page[cursor]' });
    const more = start + size < items.length;
    const next = new URL(`${API}${url.pathname}`);
    for (const [k, v] of url.searchParams) if (k !== 'page[cursor]') next.searchParams.set(k, v);
    next.searchParams.set('page[cursor]', encode(start + size));
    return sendJson(res, 200, { data: items.slice(start, start + size), links: { self: selfUrl(url), next: more ? next.href : null, prev: null } });
  }

  async function handleApi(req, res, url) {
    if (!url.pathname.startsWith('/api/')) return handleConsole(req, res, url);
    const path = url.pathname.replace(/\/$/, '');
    const auth = String(req.headers.authorization ?? '');
    state.requests.push({ host: 'a.klaviyo.com', method: req.method, path: url.pathname + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    const key = auth.startsWith('Klaviyo-API-Key ') ? auth.slice(16).trim() : '';
    if (!state.tokens.has(key)) return error(res, 401, 'not_authenticated', 'Authentication credentials were not provided.', 'Missing or invalid private key.', { pointer: '/data/' });
    if (!req.headers.revision) return error(res, 400, 'invalid', 'Invalid input.', 'Missing revision header.', { parameter: 'revision' });
    if (req.method !== 'GET') return error(res, 405, 'method_not_allowed', 'Method not allowed.', `Method "${req.method}" not allowed.`);
    const additional = (name) => (url.searchParams.get(`additional-fields[${name}]`) ?? '').split(',');

    if (path === '/api/accounts') {
      return sendJson(res, 200, { data: [{ type: 'account', id: KLAVIYO_ACCOUNT_ID, attributes: { test_account: false, contact_information: { default_sender_name: 'Acme Demo Store', default_sender_email: 'hello@acme-demo.com', website_url: 'https://acme-demo.com', organization_name: 'Acme Demo Store', street_address: { address1: '1 Market St', address2: null, city: 'San Francisco', region: 'CA', country: 'US', zip: '94105' } }, industry: 'Software / SaaS', timezone: 'America/Los_Angeles', preferred_currency: 'USD', public_api_key: KLAVIYO_ACCOUNT_ID, locale: 'en-US' }, links: { self: `${API}/api/accounts/${KLAVIYO_ACCOUNT_ID}/` } }], links: { self: `${API}/api/accounts/`, next: null, prev: null } });
    }
    if (path === '/api/profiles') {
      const size = Number(url.searchParams.get('page[size]') ?? 20);
      if (!Number.isInteger(size) || size < 1 || size > 100) return error(res, 400, 'invalid', 'Invalid input.', 'page[size] must be between 1 and 100.', { parameter: 'page[size]' });
      let items = data.profiles;
      const filter = url.searchParams.get('filter');
      if (filter !== null) {
        const email = emailFilter(filter);
        if (email === null) return error(res, 400, 'invalid', 'Invalid input.', `Invalid filter provided: ${filter}`, { parameter: 'filter' });
        items = items.filter((p) => p.attributes.email?.toLowerCase() === email.toLowerCase());
      }
      return page(res, url, items.map((p) => withAdditional(p, data, additional('profile'))), size);
    }
    if (path === '/api/lists') return page(res, url, data.lists, 10);
    if (path === '/api/events') {
      // page[size] came to this endpoint with revision 2026-01-15; older revisions refuse it.
      if (url.searchParams.has('page[size]') && String(req.headers.revision) < '2026-01-15') return error(res, 400, 'invalid', 'Invalid input.', "'page[size]' is not a valid field for the resource 'event'.", { parameter: 'page[size]' });
      const profileId = profileIdFilter(url.searchParams.get('filter') ?? '');
      if (profileId === null) return error(res, 400, 'invalid', 'Invalid input.', `Invalid filter provided: ${url.searchParams.get('filter')}`, { parameter: 'filter' });
      const profile = data.profiles.find((p) => p.id === profileId);
      const events = profile ? eventsOf(profile) : [];
      if (url.searchParams.get('sort') !== '-datetime') events.reverse();
      const page = events.slice(0, 200);
      const metricIds = new Set(page.map((e) => e.relationships.metric.data.id));
      const included = (url.searchParams.get('include') ?? '').split(',').includes('metric') ? METRICS.filter((m) => metricIds.has(m.id)) : undefined;
      return sendJson(res, 200, { data: page, links: { self: selfUrl(url), next: null, prev: null }, ...(included ? { included } : {}) }, { 'content-type': 'application/vnd.api+json' });
    }
    let m = /^\/api\/profiles\/([0-9A-Z]{26})(\/lists)?$/.exec(path);
    if (m) {
      const profile = data.profiles.find((p) => p.id === m[1]);
      if (!profile) return notFound(res, 'profile');
      if (m[2]) {
        const ids = data.memberships.get(profile.id) ?? [];
        return sendJson(res, 200, { data: data.lists.filter((l) => ids.includes(l.id)), links: { self: selfUrl(url), next: null, prev: null } });
      }
      return sendJson(res, 200, { data: withAdditional(profile, data, additional('profile')), links: { self: selfUrl(url) } });
    }
    m = /^\/api\/lists\/(\w+)$/.exec(path);
    if (m) {
      const list = data.lists.find((l) => l.id === m[1]);
      if (!list) return notFound(res, 'list');
      const count = [...data.memberships.values()].filter((ids) => ids.includes(list.id)).length;
      const body = additional('list').includes('profile_count') ? { ...list, attributes: { ...list.attributes, profile_count: count } } : list;
      return sendJson(res, 200, { data: body, links: { self: selfUrl(url) } });
    }
    return error(res, 404, 'not_found', 'Not found.', `The path ${url.pathname} could not be found.`);
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: 'www.klaviyo.com', method: req.method, path: url.pathname, at: Date.now(), auth: false });
    let m = /^\/profile\/([0-9A-Z]{26})(?:\/[\w-]*)*\/?$/.exec(url.pathname);
    const profile = m && data.profiles.find((p) => p.id === m[1]);
    if (profile) {
      const a = profile.attributes;
      const name = [a.first_name, a.last_name].filter(Boolean).join(' ') || a.email;
      const lists = data.lists.filter((l) => (data.memberships.get(profile.id) ?? []).includes(l.id));
      return sendHtml(res, 200, `${name} | Profile | Klaviyo`, `<h1 data-testid="profile-name">${escapeHtml(name)}</h1><p data-testid="profile-email">${escapeHtml(a.email)}</p><ul>${lists.map((l) => `<li><a href="/list/${l.id}">${escapeHtml(l.attributes.name)}</a></li>`).join('')}</ul>`);
    }
    m = /^\/list\/(\w{6})(?:\/[\w-]*)*\/?$/.exec(url.pathname);
    const list = m && data.lists.find((l) => l.id === m[1]);
    if (list) return sendHtml(res, 200, `${list.attributes.name} | Lists & segments | Klaviyo`, `<h1 data-testid="list-name">${escapeHtml(list.attributes.name)}</h1>`);
    return sendHtml(res, 404, 'Page not found | Klaviyo', '<h1>Page not found</h1>');
  }

  return { hosts: { api: ['a.klaviyo.com'], console: ['www.klaviyo.com'] }, handleApi, handleConsole, data, state };
}
