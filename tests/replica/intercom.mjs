// Intercom replica on api.intercom.io (REST API 2.11: /me, contacts with cursor paging and
// search, a contact's companies/tags/subscriptions, companies, conversations and their search,
// error.list bodies, X-RateLimit headers) and app.intercom.com record pages. Contacts come from
// the HubSpot seed (a quarter of them); Ann Lee (101) is "Ann Lee" with ANN.LEE@acme-robotics.com.
import { applyFaults, correlationId, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { companyIdOfContact, mulberry32 } from './seed.mjs';

export const INTERCOM_DEMO_TOKEN = 'dG9rOmRlbW9fYWNtZV9yZXBsaWNhXzAwMTE6MToweDAwMDE=';
export const INTERCOM_APP_ID = 'vq8k2m1x';
const API_HOST = 'api.intercom.io';
const CONSOLE_HOST = 'app.intercom.com';
const NOW = Math.floor(Date.UTC(2026, 9, 1) / 1000);
const DAY = 86_400;
const contactId = (hubspotId) => `65f0c0de${hubspotId.padStart(16, '0')}`;
const companyId = (hubspotId) => `65f0c0c0${hubspotId.padStart(16, '0')}`;
export const INTERCOM_ANN = { id: contactId('101'), consoleUrl: `https://${CONSOLE_HOST}/a/apps/${INTERCOM_APP_ID}/users/${contactId('101')}/all-conversations` };

const TAGS = [{ type: 'tag', id: '8800001', name: 'VIP' }, { type: 'tag', id: '8800002', name: 'Beta tester' }];
const SUBSCRIPTION_TYPES = [
  { type: 'subscription', id: '91', state: 'live', consent_type: 'opt_out', default_translation: { name: 'Newsletters', description: 'Monthly news', locale: 'en' }, translations: [], content_types: ['email'] },
  { type: 'subscription', id: '93', state: 'live', consent_type: 'opt_in', default_translation: { name: 'Product updates', description: 'Release notes', locale: 'en' }, translations: [], content_types: ['email'] },
];
const SUBJECTS = ['Cannot log in', 'Question about my invoice', 'How do I add a seat?', 'Export to CSV fails', 'Bug in the dashboard', 'Change billing email'];
const list = (data, url) => ({ type: 'list', data, url, total_count: data.length, has_more: false });

function contactOf(c, id, role, company, tags, optedIn, created, random) {
  const p = c.properties;
  const isAnn = c.id === '101';
  const seen = role === 'user' ? NOW - Math.floor(random() * 30) * DAY : null;
  return {
    type: 'contact', id, workspace_id: INTERCOM_APP_ID, external_id: role === 'user' ? `hs-${c.id}` : null, role,
    email: isAnn ? 'ANN.LEE@acme-robotics.com' : p.email, phone: isAnn ? '+14155550100' : null, name: `${p.firstname} ${p.lastname}`, avatar: null, owner_id: null,
    social_profiles: { type: 'list', data: [] }, has_hard_bounced: false, marked_email_as_spam: false, unsubscribed_from_emails: false,
    created_at: created, updated_at: created + 3 * DAY, signed_up_at: role === 'user' ? created : null, last_seen_at: seen, last_replied_at: isAnn ? NOW - 2 * DAY : null, last_contacted_at: isAnn ? NOW - 5 * DAY : null,
    last_email_opened_at: null, last_email_clicked_at: null, language_override: null, browser: 'chrome', browser_version: '130.0.0.0', browser_language: 'en', os: 'OS X 10.15',
    location: { type: 'location', country: isAnn ? 'United States' : null, region: isAnn ? 'California' : null, city: isAnn ? 'San Francisco' : null, country_code: isAnn ? 'USA' : null, continent_code: isAnn ? 'NA' : null },
    custom_attributes: { hubspot_id: c.id },
    tags: list(tags.map((t) => ({ type: 'tag', id: t.id, url: `/tags/${t.id}` })), `/contacts/${id}/tags`),
    notes: list([], `/contacts/${id}/notes`),
    companies: list(company ? [{ type: 'company', id: company.id, url: `/companies/${company.id}` }] : [], `/contacts/${id}/companies`),
    opted_out_subscription_types: list([], `/contacts/${id}/subscriptions`),
    opted_in_subscription_types: list(optedIn.map((s) => ({ type: 'subscription', id: s.id, url: `/subscriptions/${s.id}` })), `/contacts/${id}/subscriptions`),
    utm_campaign: null, utm_content: null, utm_medium: null, utm_source: null, utm_term: null, referrer: null, enabled_push_messaging: null,
  };
}

export function makeIntercomData(hubspot, seed = 13) {
  const random = mulberry32(seed);
  const companies = new Map();
  const contacts = [];
  const conversations = [];
  const contactTags = new Map();
  const contactSubscriptions = new Map();
  let conversationNo = 1;
  hubspot.contacts.forEach((c, index) => {
    if (index % 4 !== 0 && c.id !== '101') return;
    const isAnn = c.id === '101';
    const hubspotCompanyId = companyIdOfContact(hubspot, c.id);
    const hc = hubspotCompanyId && hubspot.companies.find((x) => x.id === hubspotCompanyId);
    let company = null;
    if (hc) {
      const cid = companyId(hc.id);
      if (!companies.has(cid)) {
        companies.set(cid, { type: 'company', company_id: hc.id, id: cid, app_id: INTERCOM_APP_ID, name: hc.properties.name, remote_created_at: NOW - 500 * DAY, created_at: NOW - 400 * DAY, updated_at: NOW - 20 * DAY, last_request_at: NOW - Math.floor(random() * 20) * DAY, size: Number(hc.properties.numberofemployees), website: `https://www.${hc.properties.domain}`, industry: hc.properties.industry, monthly_spend: Math.floor(random() * 2000), session_count: Math.floor(random() * 300), user_count: 0, tags: { type: 'tag.list', tags: [] }, segments: { type: 'segment.list', segments: [] }, plan: { type: 'plan', id: '401', name: isAnn ? 'Growth' : 'Starter' }, custom_attributes: {} });
      }
      company = companies.get(cid);
      company.user_count += 1;
    }
    const id = contactId(c.id);
    const role = isAnn || index % 12 !== 4 ? 'user' : 'lead';
    const tags = isAnn ? TAGS : random() < 0.2 ? [TAGS[1]] : [];
    const optedIn = isAnn || random() < 0.4 ? [SUBSCRIPTION_TYPES[1]] : [];
    contactTags.set(id, tags);
    contactSubscriptions.set(id, optedIn);
    contacts.push(contactOf(c, id, role, company, tags, optedIn, NOW - Math.floor(100 + random() * 500) * DAY, random));
    const count = isAnn ? 2 : Math.floor(random() * 3);
    for (let n = 0; n < count; n++) {
      const created = NOW - Math.floor(1 + random() * 60) * DAY;
      const subject = isAnn ? ['Refund for the annual plan', 'Export to CSV fails'][n] : SUBJECTS[Math.floor(random() * SUBJECTS.length)];
      const state = isAnn ? ['open', 'closed'][n] : ['open', 'closed', 'closed', 'snoozed'][Math.floor(random() * 4)];
      conversations.push({
        type: 'conversation', id: String(215460000000000 + conversationNo++), created_at: created, updated_at: created + DAY, waiting_since: state === 'open' ? created + DAY : null, snoozed_until: state === 'snoozed' ? NOW + 2 * DAY : null,
        source: { type: 'conversation', id: String(400000000 + conversationNo), delivered_as: 'customer_initiated', subject: '', body: `<p>${escapeHtml(subject)}</p><p>Thanks, ${escapeHtml(c.properties.firstname)}</p>`, author: { type: 'user', id, name: `${c.properties.firstname} ${c.properties.lastname}`, email: contacts.at(-1).email }, attachments: [], url: null, redacted: false },
        contacts: { type: 'contact.list', contacts: [{ type: 'contact', id, external_id: contacts.at(-1).external_id }] },
        first_contact_reply: { created_at: created, type: 'conversation', url: null }, admin_assignee_id: 991267001, team_assignee_id: null, open: state === 'open', state, read: true,
        tags: { type: 'tag.list', tags: [] }, priority: 'not_priority', sla_applied: null,
        statistics: { type: 'conversation_statistics', last_contact_reply_at: created + 3600, last_admin_reply_at: created + 7200 }, conversation_rating: null, teammates: null, title: null, custom_attributes: {}, topics: {}, ticket: null,
        linked_objects: { type: 'list', data: [], total_count: 0, has_more: false }, ai_agent: null, ai_agent_participated: false,
        conversation_parts: { type: 'conversation_part.list', conversation_parts: [{ type: 'conversation_part', id: String(conversationNo * 10), part_type: 'comment', body: '<p>Happy to help!</p>', created_at: created + 7200, updated_at: created + 7200, notified_at: created + 7200, assigned_to: null, author: { type: 'admin', id: '991267001', name: 'Demo Admin', email: 'admin@acme-demo.com' }, attachments: [], external_id: null, redacted: false }], total_count: 1 },
      });
    }
  });
  return { contacts, companies: [...companies.values()], conversations, contactTags, contactSubscriptions, tags: TAGS };
}

/** Single filters and AND/OR groups of the search APIs, on the fields the connector uses. */
function matches(item, query) {
  if (!query) return true;
  if (query.operator === 'AND') return (query.value ?? []).every((q) => matches(item, q));
  if (query.operator === 'OR') return (query.value ?? []).some((q) => matches(item, q));
  const value = (() => {
    if (query.field === 'contact_ids') return item.contacts?.contacts.map((c) => c.id) ?? [];
    return [item[query.field]];
  })();
  const wanted = String(query.value).toLowerCase();
  const hit = value.some((v) => v !== null && v !== undefined && String(v).toLowerCase() === wanted);
  return query.operator === '!=' ? !hit : hit;
}

export function createIntercomReplica(hubspotData) {
  const data = makeIntercomData(hubspotData);
  const state = replicaState([INTERCOM_DEMO_TOKEN]);
  const limiter = windowLimiter(10_000, 60_000);
  const admin = { type: 'admin', id: '991267001', email: 'admin@acme-demo.com', name: 'Demo Admin', email_verified: true, app: { type: 'app', id_code: INTERCOM_APP_ID, name: 'Acme Demo', created_at: 1719492696, secure: false, identity_verification: false, timezone: 'America/Los_Angeles', region: 'US' }, avatar: { type: 'avatar', image_url: null }, has_inbox_seat: true };
  const error = (res, status, code, message, headers) => sendJson(res, status, { type: 'error.list', request_id: correlationId(), errors: [{ code, message }] }, headers);
  const pagesOf = (perPage, start, total, next) => ({ type: 'pages', page: Math.floor(start / perPage) + 1, per_page: perPage, total_pages: Math.ceil(total / perPage), ...(next ? { next: { page: Math.floor(start / perPage) + 2, starting_after: next } } : {}) });
  const cursor = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
  const offsetOf = (value) => Number(/^offset:(\d+)$/.exec(Buffer.from(value ?? '', 'base64').toString())?.[1] ?? 0);
  const perPageOf = (value, fallback) => Math.max(1, Math.min(Number(value ?? fallback) || fallback, 150));
  const brief = ({ conversation_parts: _parts, ...rest }) => rest;

  async function handleApi(req, res, url, body) {
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: API_HOST, method: req.method, path: path + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!state.tokens.has(token)) return error(res, 401, 'unauthorized', 'Access Token Invalid');
    const rate = limiter.hit(token);
    const headers = { 'x-ratelimit-limit': '10000', 'x-ratelimit-remaining': String(rate.remaining), 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 10) };
    if (!rate.allowed) return error(res, 429, 'rate_limit_exceeded', 'Exceeded rate limit of 10000 in 1_minute', { ...headers, 'retry-after': '10' });
    const send = (payload) => sendJson(res, 200, payload, headers);

    if (req.method === 'GET' && path === '/me') return send(admin);
    if (req.method === 'GET' && path === '/contacts') {
      const perPage = perPageOf(url.searchParams.get('per_page'), 50);
      const start = offsetOf(url.searchParams.get('starting_after'));
      const page = data.contacts.slice(start, start + perPage);
      const more = start + perPage < data.contacts.length;
      return send({ type: 'list', data: page, total_count: data.contacts.length, pages: pagesOf(perPage, start, data.contacts.length, more ? cursor(start + perPage) : null) });
    }
    if (req.method === 'POST' && (path === '/contacts/search' || path === '/conversations/search')) {
      const query = body && typeof body === 'object' ? body.query : undefined;
      if (!query) return error(res, 400, 'parameter_not_found', 'query parameter is required');
      const perPage = perPageOf(body.pagination?.per_page, path === '/contacts/search' ? 50 : 20);
      const start = offsetOf(body.pagination?.starting_after);
      const source = path === '/contacts/search' ? data.contacts : data.conversations;
      const found = source.filter((item) => matches(item, query));
      const page = found.slice(start, start + perPage);
      const pages = pagesOf(perPage, start, found.length, start + perPage < found.length ? cursor(start + perPage) : null);
      if (path === '/contacts/search') return send({ type: 'list', data: page, total_count: found.length, pages });
      return send({ type: 'conversation.list', pages, total_count: found.length, conversations: page.map(brief) });
    }
    let m = /^\/contacts\/([^/]+)(?:\/(companies|tags|subscriptions))?$/.exec(path);
    if (req.method === 'GET' && m) {
      const contact = data.contacts.find((c) => c.id === m[1]);
      if (!contact) return error(res, 404, 'not_found', 'User Not Found', headers);
      if (m[2] === 'companies') {
        const companies = contact.companies.data.map((ref) => data.companies.find((c) => c.id === ref.id)).filter(Boolean);
        return send({ type: 'list', data: companies, pages: { type: 'pages', next: null, page: 1, per_page: 15, total_pages: 1 }, total_count: companies.length });
      }
      if (m[2] === 'tags') return send({ type: 'list', data: data.contactTags.get(contact.id) ?? [] });
      if (m[2] === 'subscriptions') return send({ type: 'list', data: data.contactSubscriptions.get(contact.id) ?? [] });
      return send(contact);
    }
    m = /^\/companies\/([^/]+)\/contacts$/.exec(path);
    if (req.method === 'GET' && m) {
      if (!data.companies.some((c) => c.id === m[1])) return error(res, 404, 'company_not_found', 'Company Not Found', headers);
      const attached = data.contacts.filter((c) => c.companies.data.some((ref) => ref.id === m[1]));
      const perPage = perPageOf(url.searchParams.get('per_page'), 50);
      const start = offsetOf(url.searchParams.get('starting_after'));
      const more = start + perPage < attached.length;
      return send({ type: 'list', data: attached.slice(start, start + perPage), total_count: attached.length, pages: pagesOf(perPage, start, attached.length, more ? cursor(start + perPage) : null) });
    }
    m = /^\/(companies|conversations)\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const item = data[m[1]].find((i) => i.id === m[2]);
      return item ? send(item) : error(res, 404, m[1] === 'companies' ? 'company_not_found' : 'not_found', m[1] === 'companies' ? 'Company Not Found' : 'Resource Not Found', headers);
    }
    return error(res, 404, 'not_found', 'Resource Not Found', headers);
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const contact = /^\/a\/apps\/[a-z0-9_]+\/users\/([0-9a-f]{24})/.exec(url.pathname);
    const company = /^\/a\/apps\/[a-z0-9_]+\/companies\/([0-9a-f]{24})/.exec(url.pathname);
    const conversation = /^\/a\/(?:inbox|apps)\/[a-z0-9_]+\/(?:[\w.-]+\/)*conversations?\/(\d+)\/?$/.exec(url.pathname);
    const item = contact ? data.contacts.find((c) => c.id === contact[1]) : company ? data.companies.find((c) => c.id === company[1]) : conversation ? data.conversations.find((c) => c.id === conversation[1]) : undefined;
    if (!item) return sendHtml(res, 404, 'Intercom', '<h1>Not found</h1>');
    // Bodies were built from escaped text: the first paragraph's text is the conversation's title.
    const title = item.type === 'conversation' ? (/<p>([^<]*)<\/p>/.exec(item.source.body)?.[1] ?? item.id).replace(/&amp;/g, '&') : item.name;
    const detail = item.type === 'contact' ? `<p data-testid="contact-email">${escapeHtml(item.email)}</p>` : item.type === 'company' ? `<p>${escapeHtml(item.website)}</p>` : `<p>State: ${escapeHtml(item.state)}</p>`;
    return sendHtml(res, 200, `${title} | Intercom`, `<h1 data-testid="profile-name">${escapeHtml(title)}</h1>${detail}`);
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
