// Zendesk replica on acme.zendesk.com: Support API v2 (wrappers, include=, search, cursor and
// offset pagination, API-token Basic auth) and agent workspace pages. Users come from the
// HubSpot seed (a third of the contacts; Ann Lee as "Annie Lee" with another email case).
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { companyIdOfContact, mulberry32 } from './seed.mjs';

export const ZENDESK_SUBDOMAIN = 'acme';
export const ZENDESK_AGENT_EMAIL = 'agent@acme-demo.com';
export const ZENDESK_DEMO_TOKEN = 'zd-demo-6f1c2a9b7e4d4c0a8b2f';
const HOST = `${ZENDESK_SUBDOMAIN}.zendesk.com`;
/** Someone else's Zendesk subdomain, whose Help Center theme plants pages posing as agent pages. */
export const ZENDESK_LOOKALIKE_HOST = 'helpdesk-theme.zendesk.com';
const BASE = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const SUBJECTS = ['Cannot log in', 'Invoice question', 'Refund please', 'Export to CSV fails', 'How do I add a seat?', 'Bug in the dashboard', 'Change billing email'];

export function makeZendeskData(hubspot, seed = 11) {
  const random = mulberry32(seed);
  const organizations = new Map();
  const users = [];
  const tickets = [];
  let ticketId = 1;
  const api = (path) => `https://${HOST}/api/v2/${path}`;
  hubspot.contacts.forEach((contact, index) => {
    if (index % 3 !== 0) return;
    const p = contact.properties;
    const isAnn = contact.id === '101';
    const companyId = companyIdOfContact(hubspot, contact.id);
    const company = companyId && hubspot.companies.find((c) => c.id === companyId);
    let organizationId = null;
    if (company) {
      organizationId = 360000000 + Number(company.id);
      if (!organizations.has(organizationId)) organizations.set(organizationId, { url: api(`organizations/${organizationId}.json`), id: organizationId, name: company.properties.name, shared_tickets: false, shared_comments: false, external_id: null, created_at: iso(BASE - 400 * DAY), updated_at: iso(BASE - 20 * DAY), domain_names: [company.properties.domain], details: null, notes: null, group_id: null, tags: ['customer'], organization_fields: {} });
    }
    const id = 380000000 + Number(contact.id);
    users.push({ id, url: api(`users/${id}.json`), name: isAnn ? 'Annie Lee' : `${p.firstname} ${p.lastname}`, email: isAnn ? 'ann.lee@ACME-robotics.com' : p.email, created_at: iso(BASE - Math.floor(random() * 300) * DAY), updated_at: iso(BASE - Math.floor(random() * 10) * DAY), time_zone: 'Pacific Time (US & Canada)', phone: p.phone, photo: null, locale: 'en-US', organization_id: organizationId, role: 'end-user', verified: true, external_id: null, tags: [], active: true, last_login_at: null, suspended: false, user_fields: {} });
    const count = isAnn ? 3 : Math.floor(random() * 3);
    for (let t = 0; t < count; t++) {
      const created = BASE - Math.floor(random() * 60) * DAY;
      tickets.push({ url: api(`tickets/${ticketId}.json`), id: ticketId, external_id: null, created_at: iso(created), updated_at: iso(created + DAY), type: 'question', subject: isAnn ? ['Refund please', 'Export to CSV fails', 'Invoice question'][t] : SUBJECTS[Math.floor(random() * SUBJECTS.length)], description: 'Demo ticket', priority: 'normal', status: isAnn ? ['open', 'pending', 'solved'][t] : ['new', 'open', 'pending', 'solved', 'closed'][Math.floor(random() * 5)], recipient: null, requester_id: id, submitter_id: id, assignee_id: 1, organization_id: organizationId, group_id: 1, collaborator_ids: [], tags: [], custom_fields: [], satisfaction_rating: null, brand_id: 1 });
      ticketId += 1;
    }
  });
  return { users, tickets, organizations: [...organizations.values()] };
}

export function createZendeskReplica(hubspotData) {
  const data = makeZendeskData(hubspotData);
  const state = replicaState([`${ZENDESK_AGENT_EMAIL}/token:${ZENDESK_DEMO_TOKEN}`]);
  const agent = { id: 1, url: `https://${HOST}/api/v2/users/1.json`, name: 'Demo Agent', email: ZENDESK_AGENT_EMAIL, created_at: '2020-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', phone: null, organization_id: null, role: 'agent', tags: [], suspended: false };
  const notFound = (res) => sendJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });

  async function handleApi(req, res, url) {
    if (!url.pathname.startsWith('/api/')) return handleConsole(req, res, url);
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: HOST, method: req.method, path: path + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    const credentials = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
    if (!state.tokens.has(credentials)) return sendJson(res, 401, { error: "Couldn't authenticate you" });

    if (path === '/api/v2/users/me.json') return sendJson(res, 200, { user: agent });
    if (path === '/api/v2/users/search.json') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const email = query.startsWith('email:') ? query.slice(6) : null;
      const users = data.users.filter((u) => (email ? u.email?.toLowerCase() === email : u.name.toLowerCase().includes(query)));
      return sendJson(res, 200, { users, next_page: null, previous_page: null, count: users.length });
    }
    // Cursor pagination (page[size], page[after]) as Zendesk's users lists answer it.
    const cursorPage = (all) => {
      const size = Math.min(Number(url.searchParams.get('page[size]') ?? 100), 100);
      const after = url.searchParams.get('page[after]');
      const start = after ? Number(Buffer.from(after, 'base64').toString()) : 0;
      const users = all.slice(start, start + size);
      const more = start + size < all.length;
      return { users, meta: { has_more: more, after_cursor: more ? Buffer.from(String(start + size)).toString('base64') : null, before_cursor: null }, links: { next: null, prev: null } };
    };
    if (path === '/api/v2/users.json') return sendJson(res, 200, cursorPage(data.users));
    const orgUsers = /^\/api\/v2\/organizations\/(\d+)\/users\.json$/.exec(path);
    if (orgUsers) {
      const id = Number(orgUsers[1]);
      if (!data.organizations.some((o) => o.id === id)) return sendJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });
      return sendJson(res, 200, cursorPage(data.users.filter((u) => u.organization_id === id)));
    }
    if (path === '/api/v2/search/count.json') {
      const query = url.searchParams.get('query') ?? '';
      const status = /status:(\w+)/.exec(query)?.[1];
      const created = /created>([\d-]+)/.exec(query)?.[1];
      const count = data.tickets.filter((t) => (!status || t.status === status) && (!created || t.created_at > created)).length;
      return sendJson(res, 200, { count });
    }
    let m = /^\/api\/v2\/users\/(\d+)\/tickets\/requested\.json$/.exec(path);
    if (m) {
      const tickets = data.tickets.filter((t) => t.requester_id === Number(m[1])).sort((a, b) => b.updated_at.localeCompare(a.updated_at));
      return sendJson(res, 200, { tickets, next_page: null, previous_page: null, count: tickets.length });
    }
    m = /^\/api\/v2\/(users|tickets|organizations)\/(\d+)\.json$/.exec(path);
    if (m) {
      const item = data[m[1]].find((i) => i.id === Number(m[2]));
      if (!item) return notFound(res);
      const wrapper = { [m[1].slice(0, -1)]: item };
      if (m[1] === 'tickets' && (url.searchParams.get('include') ?? '').includes('users')) {
        wrapper.users = data.users.filter((u) => u.id === item.requester_id);
        wrapper.organizations = data.organizations.filter((o) => o.id === item.organization_id);
      }
      return sendJson(res, 200, wrapper);
    }
    return sendJson(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const m = /^\/agent\/(tickets|users|organizations)\/(\d+)/.exec(url.pathname);
    const item = m && data[m[1]].find((i) => i.id === Number(m[2]));
    if (!item) return sendHtml(res, 404, 'Zendesk', '<h1>Not found</h1>');
    // What the agent workspace shows of the person: enough for page mode to read.
    const person = m[1] === 'users' ? item : m[1] === 'tickets' ? data.users.find((u) => u.id === item.requester_id) : null;
    const organization = data.organizations.find((o) => o.id === (person?.organization_id ?? item.organization_id));
    const details = [
      person?.email ? `<p>Email <a href="mailto:${escapeHtml(person.email)}">${escapeHtml(person.email)}</a></p>` : '',
      person?.phone ? `<p>Phone <a href="tel:${escapeHtml(person.phone)}">${escapeHtml(person.phone)}</a></p>` : '',
      organization ? `<p>Organization <a href="/agent/organizations/${organization.id}">${escapeHtml(organization.name)}</a></p>` : '',
    ].join('');
    return sendHtml(res, 200, `${item.subject ?? item.name} – Agent – Zendesk`, `<h1 data-test-id="title">${escapeHtml(item.subject ?? item.name)}</h1>${m[1] === 'organizations' ? '' : details}`);
  }

  /**
   * Anyone's Zendesk subdomain with a Help Center theme of their own (ZENDESK_LOOKALIKE_HOST): its
   * pages pose as agent pages, `/agent/users/<n>` showing whatever `state.planted` says.
   */
  function handleLookalike(req, res, url) {
    state.requests.push({ host: ZENDESK_LOOKALIKE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const planted = state.planted ?? { name: 'Ann Lee', email: 'ann.lee@acme-robotics.com' };
    if (/^\/agent\/users\/\d+/.test(url.pathname)) {
      return sendHtml(res, 200, `${planted.name} – Agent – Zendesk`, `<h1 data-test-id="title">${escapeHtml(planted.name)}</h1><p>Email <a href="mailto:${escapeHtml(planted.email)}">${escapeHtml(planted.email)}</a></p>`);
    }
    return sendHtml(res, 200, 'Help Center', '<h1>Help Center</h1><p>How can we help?</p>');
  }

  return { hosts: { api: [HOST], console: [ZENDESK_LOOKALIKE_HOST] }, handleApi, handleConsole: (req, res, url) => (url.hostname === ZENDESK_LOOKALIKE_HOST ? handleLookalike(req, res, url) : handleConsole(req, res, url)), data, state };
}
