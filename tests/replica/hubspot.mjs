// HubSpot replica: CRM v3 API on api.hubapi.com and record pages on app(-eu1).hubspot.com,
// with HubSpot's real paths, all-string properties, paging, search, errors and rate limits.
import { applyFaults, correlationId, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { companyIdOfContact, contactIdsOfCompany } from './seed.mjs';

export const HUBSPOT_DEMO_TOKEN = 'pat-na1-00000000-demo-4815-1623-000000000042';

const KINDS = { contacts: 'contacts', companies: 'companies', deals: 'deals', tickets: 'tickets' };
const DEFAULT_PROPS = { contacts: ['firstname', 'lastname', 'email'], companies: ['name', 'domain'], deals: ['dealname', 'amount', 'dealstage'], tickets: ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority'] };
const ALWAYS = { contacts: ['createdate', 'lastmodifieddate', 'hs_object_id'], companies: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'], deals: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'], tickets: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'] };
const SINGULAR = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };
const OBJECT_TYPE_IDS = { '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals', '0-5': 'tickets', contact: 'contacts', company: 'companies', deal: 'deals', ticket: 'tickets' };

/** The default pipelines as GET /crm/v3/pipelines/<type> returns them; metadata values are strings. */
const PIPELINE_TIMES = { createdAt: '2023-06-01T12:00:00.000Z', updatedAt: '2023-06-01T12:00:00.000Z', archived: false };
const stage = (id, label, displayOrder, metadata) => ({ id, label, displayOrder, metadata, ...PIPELINE_TIMES, writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT' });
export const HUBSPOT_PIPELINES = {
  deals: {
    results: [
      {
        id: 'default',
        label: 'Sales Pipeline',
        displayOrder: 0,
        stages: [
          stage('appointmentscheduled', 'Appointment Scheduled', 0, { isClosed: 'false', probability: '0.2' }),
          stage('qualifiedtobuy', 'Qualified To Buy', 1, { isClosed: 'false', probability: '0.4' }),
          stage('presentationscheduled', 'Presentation Scheduled', 2, { isClosed: 'false', probability: '0.6' }),
          stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, { isClosed: 'false', probability: '0.8' }),
          stage('contractsent', 'Contract Sent', 4, { isClosed: 'false', probability: '0.9' }),
          stage('closedwon', 'Closed Won', 5, { isClosed: 'true', probability: '1.0' }),
          stage('closedlost', 'Closed Lost', 6, { isClosed: 'true', probability: '0.0' }),
        ],
        ...PIPELINE_TIMES,
      },
    ],
  },
  tickets: {
    results: [
      {
        id: '0',
        label: 'Support Pipeline',
        displayOrder: 0,
        stages: [
          stage('1', 'New', 0, { ticketState: 'OPEN' }),
          stage('2', 'Waiting on contact', 1, { ticketState: 'OPEN' }),
          stage('3', 'Waiting on us', 2, { ticketState: 'OPEN' }),
          stage('4', 'Closed', 3, { ticketState: 'CLOSED', isClosed: 'true' }),
        ],
        ...PIPELINE_TIMES,
      },
    ],
  },
};

export function createHubspotReplica(data) {
  const state = {
    ...replicaState([HUBSPOT_DEMO_TOKEN]),
    rateLimit: { max: 100, windowMs: 10_000 },
    dashboard: { layout: 'v1', openDealValue: '$12,345.67', newContacts: '1,234', wonDeals: '17' },
  };
  let limiter = windowLimiter(state.rateLimit.max, state.rateLimit.windowMs);
  let limiterSettings = `${state.rateLimit.max}/${state.rateLimit.windowMs}`;
  const searchLimiter = windowLimiter(4, 1000);
  const objects = { contacts: data.contacts, companies: data.companies, deals: data.deals, tickets: data.tickets ?? [] };

  // Associations both ways, as v3 object reads return them with `?associations=`.
  const related = new Map(); // `${kind}:${id}` -> { [toKind]: [{ id, type }] }
  const relate = (fromKind, fromId, toKind, toId, labels) => {
    const key = `${fromKind}:${fromId}`;
    const entry = related.get(key) ?? {};
    entry[toKind] ??= [];
    for (const type of labels) entry[toKind].push({ id: toId, type });
    related.set(key, entry);
  };
  const link = (kindA, idA, kindB, idB, primary = false) => {
    const [a, b] = [SINGULAR[kindA], SINGULAR[kindB]];
    relate(kindA, idA, kindB, idB, primary ? [`${a}_to_${b}`, `${a}_to_${b}_unlabeled`] : [`${a}_to_${b}`]);
    relate(kindB, idB, kindA, idA, primary ? [`${b}_to_${a}`, `${b}_to_${a}_unlabeled`] : [`${b}_to_${a}`]);
  };
  for (const [dealId, companyId] of data.dealCompany ?? []) link('deals', dealId, 'companies', companyId, true);
  for (const [dealId, contactIds] of data.dealContacts ?? []) for (const contactId of contactIds) link('deals', dealId, 'contacts', contactId);
  for (const [ticketId, contactId] of data.ticketContact ?? []) {
    link('tickets', ticketId, 'contacts', contactId);
    const companyId = companyIdOfContact(data, contactId);
    if (companyId) link('tickets', ticketId, 'companies', companyId, true);
  }

  const errorBody = (message, category) => ({ status: 'error', message, correlationId: correlationId(), category });

  function view(kind, object, propertyList, withAssociations) {
    const wanted = [...(propertyList ?? DEFAULT_PROPS[kind]), ...ALWAYS[kind]];
    const properties = {};
    for (const name of wanted) if (name in object.properties) properties[name] = object.properties[name];
    const out = { id: object.id, properties, createdAt: object.createdAt, updatedAt: object.updatedAt, archived: false };
    const associations = {};
    for (const toKind of (withAssociations ?? '').split(',').map((k) => k.trim()).filter(Boolean)) {
      let results = [];
      if (kind === 'contacts' && toKind === 'companies') {
        const companyId = companyIdOfContact(data, object.id);
        if (companyId) results = [{ id: companyId, type: 'contact_to_company' }, { id: companyId, type: 'contact_to_company_unlabeled' }];
      } else if (kind === 'companies' && toKind === 'contacts') {
        results = contactIdsOfCompany(data, object.id).flatMap((id) => [{ id, type: 'company_to_contact' }, { id, type: 'company_to_contact_unlabeled' }]);
      } else {
        results = related.get(`${kind}:${object.id}`)?.[KINDS[toKind]] ?? [];
      }
      // HubSpot leaves out association types with no results.
      if (results.length) associations[toKind] = { results };
    }
    if (Object.keys(associations).length) out.associations = associations;
    return out;
  }

  function find(kind, id, idProperty) {
    if (idProperty === 'email') return objects[kind].find((o) => o.properties.email?.toLowerCase() === id.toLowerCase());
    return objects[kind].find((o) => o.id === id);
  }

  function matches(object, filter) {
    const raw = object.properties[filter.propertyName];
    const value = String(filter.value ?? '').toLowerCase();
    if (raw === null || raw === undefined) return false;
    const actual = raw.toLowerCase();
    if (filter.operator === 'EQ') return actual === value;
    if (['GT', 'GTE', 'LT', 'LTE'].includes(filter.operator)) {
      // Dates compare as epoch milliseconds, as HubSpot's filters take them.
      const left = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Date.parse(raw);
      const right = Number(filter.value);
      return { GT: left > right, GTE: left >= right, LT: left < right, LTE: left <= right }[filter.operator];
    }
    if (filter.operator === 'CONTAINS_TOKEN') return actual.split(/[;\s]+/).includes(value);
    return false;
  }

  function search(kind, body) {
    let results = objects[kind];
    const groups = body.filterGroups ?? [];
    if (groups.length) results = results.filter((o) => groups.some((g) => (g.filters ?? []).every((f) => matches(o, f))));
    if (body.query) {
      const q = String(body.query).toLowerCase();
      results = results.filter((o) => ['firstname', 'lastname', 'email', 'name', 'domain', 'company'].some((p) => o.properties[p]?.toLowerCase().includes(q)));
    }
    const after = Number(body.after ?? 0);
    const limit = Math.min(Number(body.limit ?? 10), 200);
    const page = results.slice(after, after + limit);
    const out = { total: results.length, results: page.map((o) => view(kind, o, body.properties)) };
    if (after + limit < results.length) out.paging = { next: { after: String(after + limit) } };
    return out;
  }

  async function handleApi(req, res, url, body) {
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: 'api.hubapi.com', method: req.method, path: path + url.search, at: Date.now(), auth: auth.length > 0 });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'GET, POST, OPTIONS' });
      return res.end();
    }
    if (await applyFaults(state, req, res, path)) return;

    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!state.tokens.has(token)) {
      return sendJson(res, 401, errorBody('Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview', 'INVALID_AUTHENTICATION'));
    }
    // Tests may change the limit; start a fresh window when they do.
    if (limiterSettings !== `${state.rateLimit.max}/${state.rateLimit.windowMs}`) {
      limiter = windowLimiter(state.rateLimit.max, state.rateLimit.windowMs);
      limiterSettings = `${state.rateLimit.max}/${state.rateLimit.windowMs}`;
    }
    const { allowed, remaining } = limiter.hit(token);
    const rateHeaders = { 'x-hubspot-ratelimit-max': String(state.rateLimit.max), 'x-hubspot-ratelimit-remaining': String(remaining), 'x-hubspot-ratelimit-interval-milliseconds': String(state.rateLimit.windowMs) };
    if (!allowed) {
      return sendJson(res, 429, { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: correlationId(), policyName: 'TEN_SECONDLY_ROLLING', groupName: 'publicapi:private-app-api-calls:4815162' }, { ...rateHeaders, 'retry-after': '1' });
    }

    if (req.method === 'GET' && path === '/account-info/v3/details') {
      return sendJson(res, 200, { portalId: data.portalId, accountType: 'STANDARD', timeZone: 'US/Eastern', companyCurrency: 'USD', additionalCurrencies: [], utcOffset: '-05:00', utcOffsetMilliseconds: -18000000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }, rateHeaders);
    }
    let m = /^\/crm\/v3\/owners\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const owner = data.owners.find((o) => o.id === m[1]);
      return owner ? sendJson(res, 200, owner, rateHeaders) : sendJson(res, 404, errorBody('resource not found', 'OBJECT_NOT_FOUND'), rateHeaders);
    }
    m = /^\/crm\/v3\/objects\/(contacts|companies|deals)\/search$/.exec(path);
    if (req.method === 'POST' && m) {
      if (!searchLimiter.hit(token).allowed) {
        return sendJson(res, 429, { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: correlationId(), policyName: 'SECONDLY' }, { 'retry-after': '1' });
      }
      return sendJson(res, 200, search(KINDS[m[1]], body ?? {}), rateHeaders);
    }
    // v4 associations: numeric ids, type ids with labels, an opaque `after` (HubSpot's is base64).
    m = /^\/crm\/v4\/objects\/(companies|0-2)\/([^/]+)\/associations\/(contacts|0-1)$/.exec(path);
    if (req.method === 'GET' && m) {
      const companyId = decodeURIComponent(m[2]);
      if (!find('companies', companyId)) return sendJson(res, 404, errorBody('resource not found', 'OBJECT_NOT_FOUND'), rateHeaders);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 500) || 500, 500);
      const after = Number(Buffer.from(url.searchParams.get('after') ?? '', 'base64').toString() || 0);
      const ids = contactIdsOfCompany(data, companyId);
      const results = ids.slice(after, after + limit).map((id) => ({
        toObjectId: Number(id),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280, label: null }, { category: 'HUBSPOT_DEFINED', typeId: 2, label: 'Primary' }],
      }));
      const out = { results };
      if (after + limit < ids.length) {
        const next = Buffer.from(String(after + limit)).toString('base64');
        out.paging = { next: { after: next, link: `https://api.hubapi.com/crm/v4/objects/companies/${companyId}/associations/contacts?limit=${limit}&after=${encodeURIComponent(next)}` } };
      }
      return sendJson(res, 200, out, rateHeaders);
    }
    m = /^\/crm\/v3\/pipelines\/(deals|tickets)$/.exec(path);
    if (req.method === 'GET' && m) return sendJson(res, 200, HUBSPOT_PIPELINES[m[1]], rateHeaders);
    m = /^\/crm\/v3\/objects\/(contacts|companies|deals|tickets)\/batch\/read$/.exec(path);
    if (req.method === 'POST' && m) {
      const kind = KINDS[m[1]];
      const inputs = Array.isArray(body?.inputs) ? body.inputs : null;
      if (!inputs || inputs.length > 100) {
        return sendJson(res, 400, errorBody(inputs ? 'Batch input limit is 100' : 'Invalid input JSON on line 1: inputs is required', 'VALIDATION_ERROR'), rateHeaders);
      }
      const startedAt = new Date().toISOString();
      const ids = [...new Set(inputs.map((input) => String(input?.id ?? '')))];
      const found = ids.map((id) => find(kind, id)).filter(Boolean);
      const missing = ids.filter((id) => !find(kind, id));
      const props = Array.isArray(body.properties) && body.properties.length ? body.properties.map(String) : undefined;
      const out = { status: 'COMPLETE', results: found.map((o) => view(kind, o, props)), startedAt, completedAt: new Date().toISOString() };
      if (!missing.length) return sendJson(res, 200, out, rateHeaders);
      const error = { status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not get some ${SINGULAR[kind].toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`, context: { ids: missing }, errors: [] };
      return sendJson(res, 207, { ...out, numErrors: 1, errors: [error] }, rateHeaders);
    }
    m = /^\/crm\/v3\/objects\/(contacts|companies|deals|tickets)\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const kind = KINDS[m[1]];
      const object = find(kind, decodeURIComponent(m[2]), url.searchParams.get('idProperty'));
      if (!object) return sendJson(res, 404, errorBody('resource not found', 'OBJECT_NOT_FOUND'), rateHeaders);
      const props = url.searchParams.get('properties')?.split(',').filter(Boolean);
      return sendJson(res, 200, view(kind, object, props, url.searchParams.get('associations')), rateHeaders);
    }
    m = /^\/crm\/v3\/objects\/(contacts|companies)$/.exec(path);
    if (req.method === 'GET' && m) {
      const kind = KINDS[m[1]];
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
      const after = Number(url.searchParams.get('after') ?? 0);
      const props = url.searchParams.get('properties')?.split(',').filter(Boolean);
      const page = objects[kind].slice(after, after + limit).map((o) => view(kind, o, props, url.searchParams.get('associations')));
      const out = { results: page };
      if (after + limit < objects[kind].length) out.paging = { next: { after: String(after + limit), link: `https://api.hubapi.com/crm/v3/objects/${kind}?after=${after + limit}` } };
      return sendJson(res, 200, out, rateHeaders);
    }
    return sendJson(res, 404, errorBody(`Unable to infer object type from: ${path}`, 'OBJECT_NOT_FOUND'), rateHeaders);
  }

  function contactLink(contact) {
    return `<a href="/contacts/${data.portalId}/record/0-1/${contact.id}">${escapeHtml(`${contact.properties.firstname} ${contact.properties.lastname}`)}</a> ${escapeHtml(contact.properties.email)}`;
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: req.headers.host, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const path = url.pathname;
    const portal = String(data.portalId);
    if (path === '/' || path === `/contacts/${portal}` || path === `/contacts/${portal}/objects/0-1/views/all/list`) {
      // ?copies=N makes a heavy console page for the host-page overhead benchmark.
      const copies = Math.min(Number(url.searchParams.get('copies') ?? 1) || 1, 100);
      // The seed's contacts only (bulk ones start at id 1,000,000): with the benchmark's 100,000 added, 40 copies
      // made a page of four million rows that never finished loading.
      const rows = Array.from({ length: copies }, () => data.contacts.filter((c) => Number(c.id) < 1_000_000).map((c) => `<li data-testid="contact-row">${contactLink(c)}</li>`).join('')).join('');
      return sendHtml(res, 200, 'Contacts | HubSpot', `<p><a href="/contacts/${portal}/objects/0-2/views/all/list">Companies</a></p><ul>${rows}</ul>`);
    }
    if (path === `/contacts/${portal}/objects/0-2/views/all/list`) {
      const rows = data.companies.map((c) => `<li><a href="/contacts/${portal}/record/0-2/${c.id}">${escapeHtml(c.properties.name)}</a> ${escapeHtml(c.properties.domain)}</li>`).join('');
      return sendHtml(res, 200, 'Companies | HubSpot', `<ul>${rows}</ul>`);
    }
    // A reports dashboard with numbers for the pin tests; `state.dashboard` lets tests change them.
    if (path === `/reports-dashboard/${portal}/view/1`) {
      const d = state.dashboard;
      const tile = (id, label, value) => `<div class="tile" data-test-id="${id}"><h3>${escapeHtml(label)}</h3><p class="value">${escapeHtml(value)}</p></div>`;
      const tiles = d.layout === 'v2' ? tile('won-deals', 'Won deals', d.wonDeals) : tile('open-deal-value', 'Open deal value', d.openDealValue) + tile('new-contacts', 'New contacts', d.newContacts);
      return sendHtml(res, 200, 'Sales dashboard | HubSpot', `<h1>Sales dashboard</h1><section class="tiles">${tiles}</section>`);
    }
    const m = /^\/contacts\/(\d+)\/(?:record\/(0-1|0-2|0-3|0-5)|(contact|company|deal|ticket))\/(\d+)(?:\/.*)?$/.exec(path);
    if (m && m[1] === portal) {
      const kind = OBJECT_TYPE_IDS[m[2] ?? m[3]];
      const object = objects[kind].find((o) => o.id === m[4]);
      if (object) {
        const p = object.properties;
        const stageLabel = (type, id) => HUBSPOT_PIPELINES[type].results.flatMap((pl) => pl.stages).find((s) => s.id === id)?.label ?? id;
        const title = { companies: p.name, contacts: `${p.firstname} ${p.lastname}`, deals: p.dealname, tickets: p.subject }[kind];
        const fields = {
          companies: [['Domain', p.domain, 'domain'], ['Industry', p.industry, 'industry'], ['Phone', p.phone, 'phone'], ['Lifecycle stage', p.lifecyclestage, 'lifecycle']],
          contacts: [['Email', p.email, 'email'], ['Phone', p.phone, 'phone'], ['Company', p.company, 'company'], ['Lifecycle stage', p.lifecyclestage, 'lifecycle']],
          deals: [['Amount', p.amount, 'amount'], ['Deal stage', stageLabel('deals', p.dealstage), 'dealstage'], ['Create date', p.createdate, 'createdate']],
          tickets: [['Ticket status', stageLabel('tickets', p.hs_pipeline_stage), 'ticket-status'], ['Priority', p.hs_ticket_priority, 'priority'], ['Create date', p.createdate, 'createdate']],
        }[kind];
        const dl = fields.map(([label, value, id]) => `<dt>${label}</dt><dd data-test-id="${id}">${escapeHtml(value)}</dd>`).join('');
        return sendHtml(res, 200, `${title} | HubSpot`, `<h1 data-test-id="record-title">${escapeHtml(title)}</h1><dl>${dl}</dl>`);
      }
    }
    return sendHtml(res, 404, 'Page not found | HubSpot', '<h1>This page could not be found</h1>');
  }

  return { hosts: { api: ['api.hubapi.com'], console: ['app.hubspot.com', 'app-eu1.hubspot.com'] }, handleApi, handleConsole, data, state };
}
