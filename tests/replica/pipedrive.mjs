// Pipedrive replica on acme.pipedrive.com: API v1 (users/me) and v2 (persons, organizations,
// deals, persons/search, cursor paging, `x-api-token` auth, `{success:false, error}` errors) and
// the web app's record pages. Persons come from the HubSpot seed (about a third of the contacts;
// Ann Lee with her work address and a personal Gmail one, one open deal at Acme Robotics).
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { companyIdOfContact, mulberry32 } from './seed.mjs';

export const PIPEDRIVE_SUBDOMAIN = 'acme';
export const PIPEDRIVE_DEMO_TOKEN = 'pd-demo-3c9f0a7e5b2d4e18a6c1f0b9d8e7a6c5';
export const PIPEDRIVE_COMPANY_ID = 8675309;
const HOST = `${PIPEDRIVE_SUBDOMAIN}.pipedrive.com`;
/** Ann Lee is HubSpot contact 101; persons keep the contact's number as their id. */
export const PIPEDRIVE_ANN = { id: '101', consoleUrl: `https://${HOST}/person/101` };
/** The organisation custom field (a 40-hex key, as Pipedrive makes them) holding the website. */
export const PIPEDRIVE_WEBSITE_FIELD = '9f3c1b2a7d4e5f60718293a4b5c6d7e8f9a0b1c2';
const BASE = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const OWNER = { id: 18, name: 'Dana Scully', email: 'dana.scully@demo-agency.com' };

export function makePipedriveData(hubspot, seed = 13, now = Date.now()) {
  const random = mulberry32(seed);
  const organizations = new Map();
  const persons = [];
  const deals = [];
  let dealId = 1;
  hubspot.contacts.forEach((contact, index) => {
    const isAnn = contact.id === '101';
    if (!isAnn && index % 3 !== 2) return;
    const p = contact.properties;
    const companyId = companyIdOfContact(hubspot, contact.id);
    const company = companyId && hubspot.companies.find((c) => c.id === companyId);
    let orgId = null;
    if (company) {
      orgId = Number(company.id) - 5000;
      if (!organizations.has(orgId)) {
        const c = company.properties;
        organizations.set(orgId, { id: orgId, name: c.name, owner_id: OWNER.id, add_time: iso(BASE - 500 * DAY), update_time: iso(BASE - 30 * DAY), visible_to: 3, label_ids: [], is_deleted: false, address: { value: `${c.city}, ${c.country}`, locality: c.city, country: c.country, formatted_address: `${c.city}, ${c.country}` }, custom_fields: { [PIPEDRIVE_WEBSITE_FIELD]: `https://${c.domain}` } });
      }
    }
    const id = Number(contact.id);
    const added = BASE - Math.floor(random() * 300) * DAY;
    const emails = isAnn
      ? [{ label: 'work', value: 'ann.lee@acme-robotics.com', primary: true }, { label: 'home', value: 'annlee.home@gmail.com', primary: false }]
      : [{ label: 'work', value: p.email, primary: true }];
    persons.push({ id, name: `${p.firstname} ${p.lastname}`, first_name: p.firstname, last_name: p.lastname, owner_id: OWNER.id, org_id: orgId, add_time: iso(added), update_time: iso(added + Math.floor(random() * 30) * DAY), visible_to: 3, picture_id: null, label_ids: [], is_deleted: false, emails, phones: p.phone ? [{ label: 'work', value: p.phone, primary: true }] : [], custom_fields: {} });
    // Ann has exactly one open deal; others get up to two of any status.
    const count = isAnn ? 1 : Math.floor(random() * 3);
    for (let d = 0; d < count; d++) {
      const status = isAnn ? 'open' : ['open', 'open', 'won', 'lost'][Math.floor(random() * 4)];
      const currency = isAnn ? 'USD' : ['USD', 'USD', 'USD', 'EUR', 'JPY'][Math.floor(random() * 5)];
      const value = isAnn ? 12000 : currency === 'JPY' ? (1 + Math.floor(random() * 20)) * 50_000 : (1 + Math.floor(random() * 40)) * 250 + (random() < 0.2 ? 0.5 : 0);
      const created = BASE - Math.floor(random() * 120) * DAY;
      // Won dates are near the replica's start so "won in the last 30 days" has something to count.
      const wonAt = status === 'won' ? now - Math.floor(random() * 60) * DAY : null;
      const updated = wonAt ?? created + 5 * DAY;
      deals.push({ id: dealId, title: isAnn ? 'Acme Robotics – Growth plan' : `${company?.properties.name ?? p.lastname} – ${['Pilot', 'Expansion', 'Renewal'][d % 3]}`, creator_user_id: OWNER.id, owner_id: OWNER.id, person_id: id, org_id: orgId, stage_id: status === 'open' ? 1 + (dealId % 5) : 5, pipeline_id: 1, value, currency, add_time: iso(created), update_time: iso(updated), stage_change_time: iso(created + DAY), is_deleted: false, status, probability: null, lost_reason: status === 'lost' ? 'Price' : null, visible_to: 3, close_time: wonAt ? iso(wonAt) : null, won_time: wonAt ? iso(wonAt) : null, lost_time: status === 'lost' ? iso(updated) : null, expected_close_date: iso(created + 60 * DAY).slice(0, 10), label_ids: [], custom_fields: {} });
      dealId += 1;
    }
  });
  return { persons, organizations: [...organizations.values()], deals };
}

/** Opaque cursors, as Pipedrive's are: base64 of an offset. */
const encodeCursor = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor) => Number(/^offset:(\d+)$/.exec(Buffer.from(cursor ?? '', 'base64').toString())?.[1] ?? 0);

function pageOf(items, url) {
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 100) || 100, 1), 500);
  const start = decodeCursor(url.searchParams.get('cursor'));
  const more = start + limit < items.length;
  return { success: true, data: items.slice(start, start + limit), additional_data: { next_cursor: more ? encodeCursor(start + limit) : null } };
}

export function createPipedriveReplica(hubspotData) {
  const data = makePipedriveData(hubspotData);
  const state = replicaState([PIPEDRIVE_DEMO_TOKEN]);
  const me = { id: OWNER.id, name: OWNER.name, email: OWNER.email, lang: 1, locale: 'en_US', timezone_name: 'Europe/Tallinn', company_id: PIPEDRIVE_COMPANY_ID, company_name: 'Acme Demo Agency', company_domain: PIPEDRIVE_SUBDOMAIN, company_country: 'US', default_currency: 'USD', active_flag: true, is_admin: 1 };
  const fail = (res, status, error) => sendJson(res, status, { success: false, error, error_info: 'Please check developers.pipedrive.com', data: null, additional_data: null });
  const COLLECTIONS = { persons: 'Person', organizations: 'Organization', deals: 'Deal' };

  async function handleApi(req, res, url) {
    if (!url.pathname.startsWith('/api/')) return handleConsole(req, res, url);
    const path = url.pathname;
    const token = req.headers['x-api-token'] ?? '';
    state.requests.push({ host: HOST, method: req.method, path: path + url.search, at: Date.now(), auth: token.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    if (!state.tokens.has(token)) return sendJson(res, 401, { success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers.pipedrive.com' });

    if (path === '/api/v1/users/me') return sendJson(res, 200, { success: true, data: me });
    if (path === '/api/v2/persons/search') {
      const term = (url.searchParams.get('term') ?? '').trim().toLowerCase();
      if (term.length < 2) return fail(res, 400, 'Search term must be at least 2 characters long');
      const exact = url.searchParams.get('exact_match') === 'true';
      const hits = data.persons.filter((p) => p.emails.some((e) => (exact ? e.value.toLowerCase() === term : e.value.toLowerCase().includes(term))));
      const items = hits.slice(0, 100).map((p) => {
        const org = data.organizations.find((o) => o.id === p.org_id);
        return { result_score: 1.2, item: { id: p.id, type: 'person', name: p.name, phones: p.phones.map((x) => x.value), emails: p.emails.map((x) => x.value), visible_to: 3, owner: { id: p.owner_id }, organization: org ? { id: org.id, name: org.name, address: org.address.value } : null, custom_fields: [], notes: [] } };
      });
      return sendJson(res, 200, { success: true, data: { items }, additional_data: { next_cursor: null } });
    }
    if (path === '/api/v2/persons') {
      // `org_id` narrows the list to one organisation's persons, as Pipedrive's v2 list does.
      const orgId = url.searchParams.get('org_id');
      return sendJson(res, 200, pageOf(orgId ? data.persons.filter((p) => p.org_id === Number(orgId)) : data.persons, url));
    }
    if (path === '/api/v2/deals') {
      const status = url.searchParams.get('status');
      const personId = url.searchParams.get('person_id');
      const since = url.searchParams.get('updated_since');
      const deals = data.deals.filter((d) => (!status || d.status === status) && (!personId || d.person_id === Number(personId)) && (!since || d.update_time >= since));
      return sendJson(res, 200, pageOf(deals, url));
    }
    const m = /^\/api\/v2\/(persons|organizations|deals)\/(\d+)$/.exec(path);
    if (m) {
      const item = data[m[1]].find((i) => i.id === Number(m[2]));
      return item ? sendJson(res, 200, { success: true, data: item }) : fail(res, 404, `${COLLECTIONS[m[1]]} not found`);
    }
    return fail(res, 404, 'Unknown method .');
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const m = /^\/(person|organization|deal)\/(\d+)/.exec(url.pathname);
    const list = m && { person: data.persons, organization: data.organizations, deal: data.deals }[m[1]];
    const item = list && list.find((i) => i.id === Number(m[2]));
    if (item) {
      const name = item.title ?? item.name;
      return sendHtml(res, 200, `${name} - Pipedrive`, `<h1 data-test="${m[1]}-name">${escapeHtml(name)}</h1>`);
    }
    return sendHtml(res, 404, 'Pipedrive', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [HOST], console: [] }, handleApi, handleConsole, data, state };
}
