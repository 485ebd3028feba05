// Marketo Engage replica on the instance's REST host 123-abc-456.mktorest.com (identity
// `/identity/oauth/token` client-credentials tokens that expire; leads by id and by email filter;
// list membership; asset static lists; leads of a list and activities with nextPageToken paging;
// activity types; every refusal an HTTP 200 with `success:false` and `errors[]`: 601 invalid
// token, 602 expired token, 606 more than 100 calls in 20 s) and its console pod
// app-ab12.marketo.com (lead detail pages, static lists).
// Leads derived from the HubSpot seed, every other contact; Ann Lee (101) is lead 2001 as
// "Anne Lee", "ANN.LEE@acme-robotics.com", "Acme Robotics Inc.", lead score 72, in two static lists, with a
// webinar invite sent, opened and clicked.
import { randomUUID } from 'node:crypto';
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const MARKETO_SITE = '123-ABC-456.mktorest.com';
const API_HOST = MARKETO_SITE.toLowerCase();
const CONSOLE_HOST = 'app-ab12.marketo.com';
export const MARKETO_CLIENT = { id: '3f1c2a9e-5b7d-4e21-9c0a-6d8e7f1b2c3d', secret: 'Qm7vR2kX9pL4sT8wZ1nB6yH3jD5fG0cA' };
/** What Options takes: `<Client ID>:<Client Secret>`. */
export const MARKETO_DEMO_KEY = `${MARKETO_CLIENT.id}:${MARKETO_CLIENT.secret}`;
const API_USER = 'customer-view@acme-demo.com';
const ANN_LEAD = 2001;
export const MARKETO_ANN = { id: String(ANN_LEAD), consoleUrl: `https://${CONSOLE_HOST}/leadDatabase/loadLeadDetail?leadId=${ANN_LEAD}` };

const DAY = 86_400_000;
/** `2015-03-17T00:18:40Z`, as the lead database writes dates. */
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** `2017-07-27T01:38:33Z+0000`, as the asset API writes them. */
const assetDate = (ms) => `${iso(ms)}+0000`;
const requestId = () => `${Math.floor(Math.random() * 0xfffff).toString(16)}#${Date.now().toString(16)}`;
const ok = (result, extra = {}) => ({ requestId: requestId(), result, success: true, ...extra });
const refused = (code, message) => ({ requestId: requestId(), success: false, errors: [{ code: String(code), message }] });

const EMAILS = ['Spring Launch.Email', 'Webinar Invite.Email', 'Product Digest.Email'];

/**
 * Leads, static lists and activities. Dates of activities and of new leads are relative to
 * `now`, so that "leads created in the last 7/30 days" and recent activity mean something.
 */
export function makeMarketoData(hubspot, now = Date.now(), seed = 31) {
  const random = mulberry32(seed);
  const lists = [
    { id: 1021, name: 'Webinar attendees', description: '', createdAt: assetDate(now - 400 * DAY), updatedAt: assetDate(now - 20 * DAY), folder: { id: 13, type: 'Folder' }, computedUrl: `https://${CONSOLE_HOST}/#ST1021A1` },
    { id: 1022, name: 'Newsletter', description: '', createdAt: assetDate(now - 700 * DAY), updatedAt: assetDate(now - 3 * DAY), folder: { id: 13, type: 'Folder' }, computedUrl: `https://${CONSOLE_HOST}/#ST1022A1` },
    { id: 1023, name: 'Customers', description: 'Synced from CRM', createdAt: assetDate(now - 300 * DAY), updatedAt: assetDate(now - 1 * DAY), folder: { id: 14, type: 'Folder' }, computedUrl: `https://${CONSOLE_HOST}/#ST1023A1` },
  ];
  const leads = [];
  const membership = [];
  const activities = [];
  let activityId = 500000;
  const activity = (leadId, typeId, at, primary, attributes = []) => {
    activityId += 1;
    activities.push({ id: activityId, marketoGUID: String(activityId), leadId, activityDate: iso(at), activityTypeId: typeId, primaryAttributeValueId: typeId >= 6 && typeId <= 11 ? 70 + EMAILS.indexOf(primary) : null, primaryAttributeValue: primary, attributes });
  };
  hubspot.contacts.forEach((contact, index) => {
    const isAnn = contact.id === '101';
    if (!isAnn && index % 2 === 1) return;
    const p = contact.properties;
    const id = isAnn ? ANN_LEAD : 2001 + index;
    // Every tenth lead is new this month (a few this week); the rest are older.
    const created = isAnn ? now - 500 * DAY : index % 10 === 4 ? now - Math.floor(random() * 28 + 1) * DAY : now - Math.floor(random() * 600 + 40) * DAY;
    const updated = Math.min(now - DAY, created + Math.floor(random() * 30) * DAY);
    leads.push({
      id,
      email: isAnn ? 'ANN.LEE@acme-robotics.com' : p.email,
      firstName: isAnn ? 'Anne' : p.firstname,
      lastName: p.lastname,
      phone: isAnn ? '(415) 555-0100' : random() < 0.5 ? p.phone : null,
      mobilePhone: null,
      company: isAnn ? 'Acme Robotics Inc.' : p.company,
      title: p.jobtitle,
      city: null,
      country: isAnn ? 'United States' : null,
      website: null,
      leadScore: isAnn ? 72 : Math.floor(random() * 100),
      leadStatus: isAnn ? 'Sales Qualified' : random() < 0.5 ? 'Open' : 'Nurture',
      createdAt: iso(created),
      updatedAt: iso(updated),
    });
    activity(id, 12, created, p.email, [{ name: 'Source Type', value: 'Web form fillout' }]);
    const inLists = isAnn ? [1021, 1023] : [1022, ...(index % 6 === 0 ? [1021] : [])];
    for (const listId of inLists) membership.push({ listId, leadId: id, createdAt: iso(created + DAY), updatedAt: iso(created + DAY) });
    const emails = isAnn ? [[1, now - 12 * DAY], [0, now - 40 * DAY]] : random() < 0.5 ? [[Math.floor(random() * 3), now - Math.floor(random() * 60 + 1) * DAY]] : [];
    for (const [which, sent] of emails) {
      const name = EMAILS[which];
      activity(id, 6, sent, name, [{ name: 'Campaign Run ID', value: 4000 + which }]);
      if (isAnn || random() < 0.6) activity(id, 10, sent + 3_600_000, name, [{ name: 'Device', value: 'Desktop' }]);
      if (isAnn && which === 1) activity(id, 11, sent + 3_700_000, name, [{ name: 'Link', value: 'https://acme-demo.com/webinar' }]);
    }
    if (isAnn) activity(id, 1, now - 2 * DAY, 'acme-demo.com/pricing', [{ name: 'Webpage URL', value: '/pricing' }]);
  });
  activities.sort((a, b) => a.activityDate.localeCompare(b.activityDate) || a.id - b.id);
  return { lists, leads, membership, activities };
}

const ACTIVITY_TYPES = [
  [1, 'Visit Webpage', 'Webpage ID'],
  [2, 'Fill Out Form', 'Webform ID'],
  [3, 'Click Link', 'Link ID'],
  [6, 'Send Email', 'Mail ID'],
  [8, 'Email Bounced', 'Mail ID'],
  [9, 'Unsubscribe Email', 'Mail ID'],
  [10, 'Open Email', 'Mail ID'],
  [11, 'Click Email', 'Mail ID'],
  [12, 'New Lead', 'Lead ID'],
  [13, 'Change Data Value', 'Attribute Name'],
].map(([id, name, primary]) => ({ id, name, description: name, primaryAttribute: { name: primary, dataType: 'integer' }, attributes: [] }));

/** Paging tokens say where to resume; Marketo's are opaque base32, these are base64url. */
const encodeToken = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decodeToken(token) {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function pick(lead, fields) {
  const wanted = fields ? fields.split(',').map((f) => f.trim()) : ['id', 'email', 'updatedAt', 'createdAt', 'lastName', 'firstName'];
  return Object.fromEntries(['id', ...wanted.filter((f) => f !== 'id')].filter((f) => f in lead).map((f) => [f, lead[f]]));
}

export function createMarketoReplica(hubspotData) {
  const data = makeMarketoData(hubspotData);
  /** Marketo's published limit, per instance. */
  const rate = windowLimiter(100, 20_000);
  const state = {
    ...replicaState([]),
    /** Access tokens issued, with when each expires (epoch ms). */
    issued: new Map(),
    /** What the next access token gets. */
    tokenLifeSeconds: 3599,
    resetRate: () => rate.reset(),
  };

  async function handleApi(req, res, url, body) {
    const path = url.pathname;
    state.requests.push({ host: API_HOST, method: req.method, path: path + url.search, at: Date.now(), auth: !!req.headers.authorization });
    if (await applyFaults(state, req, res, path)) return;
    const send = (answer) => sendJson(res, 200, answer);

    if (path === '/identity/oauth/token') {
      const form = new URLSearchParams(typeof body === 'string' ? body : '');
      const param = (name) => form.get(name) ?? url.searchParams.get(name);
      if (param('grant_type') !== 'client_credentials' || param('client_id') !== MARKETO_CLIENT.id || param('client_secret') !== MARKETO_CLIENT.secret) {
        return sendJson(res, 401, { error: 'unauthorized', error_description: 'Bad client credentials' });
      }
      const token = `${randomUUID()}:ab`;
      state.issued.set(token, Date.now() + state.tokenLifeSeconds * 1000);
      return send({ access_token: token, token_type: 'bearer', expires_in: state.tokenLifeSeconds, scope: API_USER });
    }

    if (!rate.hit(API_HOST).allowed) return send(refused(606, "Max rate limit '100' exceeded with in '20' secs"));
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('access_token') ?? '';
    if (!token) return send(refused(600, 'Access token missing'));
    const expiresAt = state.issued.get(token);
    if (expiresAt === undefined) return send(refused(601, 'Access token invalid'));
    if (expiresAt <= Date.now()) return send(refused(602, 'Access token expired'));

    const fields = url.searchParams.get('fields');
    const batch = Math.min(Number(url.searchParams.get('batchSize') ?? 300) || 300, 300);
    /** One page of `items` from the offset the paging token says, and the token of the next. */
    const paged = (items, kind) => {
      const given = url.searchParams.get('nextPageToken');
      const at = given ? decodeToken(given) : { kind, offset: 0 };
      if (!at || at.kind !== kind) return refused(611, 'System error');
      const slice = items.slice(at.offset, at.offset + batch);
      const more = at.offset + batch < items.length;
      return ok(slice, { ...(more ? { nextPageToken: encodeToken({ kind, offset: at.offset + batch }) } : {}), moreResult: more });
    };

    let m;
    if ((m = /^\/rest\/v1\/lead\/(\d+)\.json$/.exec(path))) {
      const lead = data.leads.find((l) => l.id === Number(m[1]));
      return send(ok(lead ? [pick(lead, fields)] : []));
    }
    if (path === '/rest/v1/leads.json') {
      const type = url.searchParams.get('filterType');
      const values = (url.searchParams.get('filterValues') ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
      if (!type || values.length === 0) return send(refused(1003, 'filterType and filterValues are required'));
      if (values.length > 300) return send(refused(1003, 'Too many filter values'));
      const found = data.leads.filter((l) => (type === 'email' ? values.includes(String(l.email).toLowerCase()) : type === 'id' ? values.includes(String(l.id)) : false));
      return send(ok(found.map((l) => pick(l, fields))));
    }
    if ((m = /^\/rest\/v1\/leads\/(\d+)\/listMembership\.json$/.exec(path))) {
      const own = data.membership.filter((x) => x.leadId === Number(m[1])).map(({ listId, createdAt, updatedAt }) => ({ listId, createdAt, updatedAt }));
      return send(paged(own, `membership${m[1]}`));
    }
    if ((m = /^\/rest\/v1\/lists\/(\d+)\/leads\.json$/.exec(path))) {
      const listId = Number(m[1]);
      if (!data.lists.some((l) => l.id === listId)) return send(refused(1013, 'Object not found'));
      const ids = new Set(data.membership.filter((x) => x.listId === listId).map((x) => x.leadId));
      return send(paged(data.leads.filter((l) => ids.has(l.id)).map((l) => pick(l, fields)), `list${listId}`));
    }
    if (path === '/rest/asset/v1/staticLists.json') {
      const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
      const max = Math.min(Number(url.searchParams.get('maxReturn') ?? 20) || 20, 200);
      const page = data.lists.slice(offset, offset + max);
      // The asset API says "no assets" with a warning and no result.
      return send(page.length ? { success: true, errors: [], requestId: requestId(), warnings: [], result: page } : { success: true, errors: [], requestId: requestId(), warnings: ['No assets found for the given search criteria.'] });
    }
    if ((m = /^\/rest\/asset\/v1\/staticList\/(\d+)\.json$/.exec(path))) {
      const list = data.lists.find((l) => l.id === Number(m[1]));
      return send(list ? { success: true, errors: [], requestId: requestId(), warnings: [], result: [list] } : refused(702, 'No data found for given search scope'));
    }
    if (path === '/rest/v1/activities/types.json') return send(ok(ACTIVITY_TYPES));
    if (path === '/rest/v1/activities/pagingtoken.json') {
      const since = Date.parse(url.searchParams.get('sinceDatetime') ?? '');
      if (Number.isNaN(since)) return send(refused(1001, "Invalid value for parameter 'sinceDatetime'"));
      return send({ requestId: requestId(), success: true, nextPageToken: encodeToken({ kind: 'activities', since, offset: 0 }) });
    }
    if (path === '/rest/v1/activities.json') {
      const at = decodeToken(url.searchParams.get('nextPageToken') ?? '');
      const types = (url.searchParams.get('activityTypeIds') ?? '').split(',').filter(Boolean).map(Number);
      if (!at || at.kind !== 'activities') return send(refused(1001, "Invalid value for parameter 'nextPageToken'"));
      if (types.length === 0 || types.length > 10) return send(refused(1003, 'activityTypeIds must name 1 to 10 activity types'));
      const leadIds = (url.searchParams.get('leadIds') ?? '').split(',').filter(Boolean).map(Number);
      const matching = data.activities.filter((a) => types.includes(a.activityTypeId) && Date.parse(a.activityDate) >= at.since && (leadIds.length === 0 || leadIds.includes(a.leadId)));
      const slice = matching.slice(at.offset, at.offset + batch);
      const more = at.offset + batch < matching.length;
      // Marketo always hands back a token to resume from, with moreResult saying whether to.
      return send({ requestId: requestId(), result: slice, success: true, nextPageToken: encodeToken({ ...at, offset: at.offset + slice.length }), moreResult: more });
    }
    return sendJson(res, 404, { requestId: requestId(), success: false, errors: [{ code: '404', message: 'Not Found' }] });
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: false });
    if (url.pathname.replace(/\/$/, '') === '/leadDatabase/loadLeadDetail') {
      const lead = data.leads.find((l) => l.id === Number(url.searchParams.get('leadId')));
      if (lead) {
        return sendHtml(res, 200, `${lead.firstName} ${lead.lastName} | Lead Database | Marketo`, `<h1 data-testid="lead-name">${escapeHtml(`${lead.firstName} ${lead.lastName}`)}</h1><p>${escapeHtml(lead.email)}</p><p>Score: ${escapeHtml(lead.leadScore)}</p>`);
      }
    }
    if (url.pathname === '/') return sendHtml(res, 200, 'Marketing Activities | Marketo', '<h1>Marketing Activities</h1>');
    return sendHtml(res, 404, 'Page not found | Marketo', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
