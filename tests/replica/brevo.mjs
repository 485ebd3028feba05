// Brevo replica on api.brevo.com (API v3: `api-key` header auth, account, contacts with
// limit/offset paging and `count`, a contact by id or email with its campaign statistics, lists,
// sent email campaigns with global statistics, CRM deals filtered by linked contact, `{code,
// message}` errors, 429s past the published per-second and per-hour limits with x-sib-ratelimit-*
// headers) and app.brevo.com contact and list pages.
// Contacts derived from the HubSpot seed: every third contact and Ann Lee (1000), who is spelled
// ANN LEE with ann.lee@ACME-Robotics.com, is in "Customers" and "Webinar attendees", opened and
// clicked campaigns, and has one CRM deal.
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const BREVO_DEMO_KEY = 'xkeysib-4f1c2a9e7b3d5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6-Zq7Yx2Wv9Ut3Sr5P';
const API_HOST = 'api.brevo.com';
const CONSOLE_HOST = 'app.brevo.com';
const ANN_ID = 1000;
export const BREVO_ANN = { id: String(ANN_ID), consoleUrl: `https://${CONSOLE_HOST}/contact/index/${ANN_ID}`, deal: 'Acme Robotics – Brevo add-on seats' };

const BASE = Date.UTC(2026, 8, 20);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const error = (code, message) => ({ code, message });

const ACCOUNT = {
  organization_id: '66b2f0c9a1d4e5f6a7b8c9d0',
  user_id: 2290041,
  enterprise: false,
  companyName: 'Acme Demo Marketing',
  email: 'marketing@acme-demo.com',
  firstName: 'Dana',
  lastName: 'Scully',
  address: { city: 'San Francisco', country: 'United States', street: '1 Market St', zipCode: '94105' },
  plan: [{ credits: 20000, creditsType: 'sendLimit', endDate: '1793826567', startDate: '1761234567', type: 'payAsYouGo' }],
  relay: { data: { port: 587, relay: 'smtp-relay.brevo.com', userName: 'marketing@acme-demo.com' }, enabled: true },
};

/** Sent campaigns, oldest first; each goes to list 2 (Newsletter) or 3 (Customers). */
const CAMPAIGNS = [
  { id: 31, name: 'Summer product news', subject: 'What is new this summer', list: 2, sent: BASE - 80 * DAY },
  { id: 32, name: 'October customer digest', subject: 'Your October digest', list: 3, sent: BASE - 20 * DAY },
  { id: 33, name: 'Webinar follow-up', subject: 'The recording and the slides', list: 7, sent: BASE - 6 * DAY },
];

export function makeBrevoData(hubspot, seed = 29) {
  const random = mulberry32(seed);
  const lists = [
    { id: 2, name: 'Newsletter', folderId: 1, createdAt: iso(BASE - 600 * DAY) },
    { id: 3, name: 'Customers', folderId: 1, createdAt: iso(BASE - 500 * DAY) },
    { id: 7, name: 'Webinar attendees', folderId: 2, createdAt: iso(BASE - 90 * DAY) },
  ];
  const contacts = [];
  hubspot.contacts.forEach((contact, index) => {
    const p = contact.properties;
    const isAnn = contact.id === '101';
    if (!p.email || (!isAnn && index % 3 !== 0)) return;
    const created = BASE - (100 + Math.floor(random() * 400)) * DAY;
    const listIds = isAnn ? [3, 7] : [2, ...(random() < 0.4 ? [3] : []), ...(random() < 0.15 ? [7] : [])];
    const blacklisted = !isAnn && random() < 0.08;
    contacts.push({
      email: isAnn ? 'ann.lee@ACME-Robotics.com' : p.email,
      id: ANN_ID + index,
      emailBlacklisted: blacklisted,
      smsBlacklisted: false,
      createdAt: iso(created),
      modifiedAt: iso(created + Math.floor(random() * 90) * DAY),
      listIds,
      listUnsubscribed: blacklisted ? [2] : [],
      attributes: { FIRSTNAME: isAnn ? 'ANN' : p.firstname, LASTNAME: isAnn ? 'LEE' : p.lastname, ...(p.phone && (random() < 0.5 || isAnn) ? { SMS: p.phone.replace(/[^\d+]/g, '') } : {}) },
      statistics: statisticsOf(listIds, created, isAnn, blacklisted, random),
    });
  });
  for (const list of lists) {
    const members = contacts.filter((c) => c.listIds.includes(list.id));
    list.totalSubscribers = members.filter((c) => !c.emailBlacklisted).length;
    list.totalBlacklisted = members.length - list.totalSubscribers;
    list.uniqueSubscribers = members.length;
    list.dynamicList = false;
  }
  const campaigns = CAMPAIGNS.map((c) => campaignOf(c, contacts));
  const deals = [
    dealOf('66c1a2b3c4d5e6f708192a3b', BREVO_ANN.deal, 1800, [ANN_ID], BASE - 15 * DAY),
    ...contacts.filter((c) => c.id !== ANN_ID && random() < 0.1).map((c, i) => dealOf(`66c1a2b3c4d5e6f70819${String(3000 + i).padStart(4, '0')}`, `${c.attributes.FIRSTNAME} ${c.attributes.LASTNAME} – Starter plan`, 500 * (1 + Math.floor(random() * 10)), [c.id], BASE - Math.floor(random() * 200) * DAY)),
  ];
  return { account: ACCOUNT, lists, contacts, campaigns, deals };
}

function statisticsOf(listIds, created, isAnn, blacklisted, random) {
  const stats = { messagesSent: [], delivered: [], opened: [], clicked: [], hardBounces: [], softBounces: [], complaints: [], unsubscriptions: { userUnsubscription: [], adminUnsubscription: [] }, transacAttributes: [] };
  for (const c of CAMPAIGNS.filter((c) => listIds.includes(c.list) && (isAnn || c.sent > created))) {
    stats.messagesSent.push({ campaignId: c.id, eventTime: iso(c.sent) });
    if (!isAnn && random() < 0.05) {
      stats.hardBounces.push({ campaignId: c.id, eventTime: iso(c.sent + 60_000) });
      continue;
    }
    stats.delivered.push({ campaignId: c.id, eventTime: iso(c.sent + 30_000) });
    if (isAnn || random() < 0.5) stats.opened.push({ campaignId: c.id, count: 1 + Math.floor(random() * 3), eventTime: iso(c.sent + 2 * 3_600_000), ip: '198.51.100.7' });
    if (isAnn || random() < 0.2) stats.clicked.push({ campaignId: c.id, links: [{ count: 1, eventTime: iso(c.sent + 2 * 3_600_000 + 120_000), ip: '198.51.100.7', url: `https://acme-demo.com/c/${c.id}` }] });
  }
  if (blacklisted) stats.unsubscriptions.userUnsubscription.push({ campaignId: CAMPAIGNS[0].id, eventTime: iso(CAMPAIGNS[0].sent + DAY), ip: '203.0.113.9' });
  return stats;
}

function campaignOf(c, contacts) {
  const count = (key) => contacts.filter((x) => x.statistics[key].some((e) => e.campaignId === c.id)).length;
  // Real campaigns are bigger than the replica's few contacts: the numbers are scaled up alike.
  const scale = 40;
  const globalStats = { sent: count('messagesSent') * scale, delivered: count('delivered') * scale, uniqueViews: count('opened') * scale, viewed: count('opened') * scale * 2, uniqueClicks: count('clicked') * scale, clickers: count('clicked') * scale, hardBounces: count('hardBounces') * scale, softBounces: 0, complaints: 0, unsubscriptions: 0, deferred: 0, listId: c.list };
  globalStats.opensRate = globalStats.delivered ? Math.round((globalStats.uniqueViews / globalStats.delivered) * 10_000) / 100 : 0;
  return {
    id: c.id,
    name: c.name,
    subject: c.subject,
    type: 'classic',
    status: 'sent',
    createdAt: iso(c.sent - 3 * DAY),
    modifiedAt: iso(c.sent),
    scheduledAt: iso(c.sent),
    sentDate: iso(c.sent),
    sender: { email: 'news@acme-demo.com', id: 26, name: 'Acme' },
    recipients: { lists: [c.list], exclusionLists: [] },
    htmlContent: '<html><body>…</body></html>',
    statistics: { globalStats, campaignStats: [globalStats], mirrorClick: 0, remaining: 0, linksStats: {}, statsByDomain: {}, statsByDevice: {}, statsByBrowser: {} },
  };
}

function dealOf(id, name, amount, contactIds, created) {
  return {
    id,
    attributes: { deal_name: name, amount, deal_stage: '9e577ff7-8e42-4ab3-be26-2b5e01b42518', deal_owner: '6093d2425a9b436e9519d034', pipeline: '6093d296ad1e9c5cf2140a58', created_at: new Date(created).toISOString(), last_updated_date: new Date(created + 5 * DAY).toISOString(), last_activity_date: new Date(created + 5 * DAY).toISOString(), number_of_contacts: contactIds.length, number_of_activities: 1 },
    linkedContactsIds: contactIds,
    linkedCompaniesIds: [],
  };
}

export function createBrevoReplica(hubspotData) {
  const data = makeBrevoData(hubspotData);
  const state = replicaState([BREVO_DEMO_KEY]);
  // Brevo's general limits: 10 a second under /v3/contacts, 100 an hour for the endpoints without their own line.
  const contactsLimit = windowLimiter(10, 1_000);
  const otherLimit = windowLimiter(100, 3_600_000);
  const notFound = (res, message = 'Object not found') => sendJson(res, 404, error('document_not_found', message));
  const paging = (url, max, fallback) => ({ limit: Math.min(Number(url.searchParams.get('limit') ?? fallback) || fallback, max), offset: Number(url.searchParams.get('offset') ?? 0) || 0 });

  function handleApi(req, res, url) {
    const path = url.pathname.replace(/\/$/, '');
    const key = String(req.headers['api-key'] ?? '');
    state.requests.push({ host: API_HOST, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: key.length > 0 });
    return applyFaults(state, req, res, path).then((answered) => {
      if (answered) return;
      if (!state.tokens.has(key)) return sendJson(res, 401, error('unauthorized', 'Key not found'));
      const contactsBucket = path.startsWith('/v3/contacts');
      const { allowed, remaining } = (contactsBucket ? contactsLimit : otherLimit).hit(key);
      const limitHeaders = { 'x-sib-ratelimit-limit': contactsBucket ? '10' : '100', 'x-sib-ratelimit-remaining': String(remaining), 'x-sib-ratelimit-reset': contactsBucket ? '1' : '3600' };
      if (!allowed) return sendJson(res, 429, error('too_many_requests', 'The expected rate limit is exceeded.'), limitHeaders);
      const send = (body) => sendJson(res, 200, body, limitHeaders);

      if (path === '/v3/account') return send(data.account);
      if (path === '/v3/contacts') {
        const { limit, offset } = paging(url, 1000, 50);
        const ordered = url.searchParams.get('sort') === 'asc' ? data.contacts : [...data.contacts].reverse();
        return send({ contacts: ordered.slice(offset, offset + limit).map(({ statistics, ...c }) => c), count: data.contacts.length });
      }
      if (path === '/v3/contacts/lists') {
        const { limit, offset } = paging(url, 50, 10);
        return send({ lists: data.lists.slice(offset, offset + limit).map(({ createdAt, dynamicList, ...l }) => l), count: data.lists.length });
      }
      let m = /^\/v3\/contacts\/lists\/(\d+)$/.exec(path);
      if (m) {
        const list = data.lists.find((l) => l.id === Number(m[1]));
        return list ? send({ ...list, campaignStats: data.campaigns.filter((c) => c.recipients.lists.includes(list.id)).map((c) => ({ campaignId: c.id, stats: c.statistics.globalStats })) }) : notFound(res, 'List ID does not exist');
      }
      m = /^\/v3\/contacts\/([^/]+)$/.exec(path);
      if (m) {
        const identifier = decodeURIComponent(m[1]);
        const contact = /^\d+$/.test(identifier) ? data.contacts.find((c) => c.id === Number(identifier)) : data.contacts.find((c) => c.email.toLowerCase() === identifier.toLowerCase());
        return contact ? send(contact) : notFound(res, 'Contact does not exist');
      }
      if (path === '/v3/emailCampaigns') {
        const { limit, offset } = paging(url, 100, 50);
        const status = url.searchParams.get('status');
        const withStats = url.searchParams.get('statistics');
        const noHtml = url.searchParams.get('excludeHtmlContent') === 'true';
        const chosen = data.campaigns.filter((c) => !status || c.status === status);
        const ordered = url.searchParams.get('sort') === 'asc' ? chosen : [...chosen].reverse();
        const shaped = ordered.slice(offset, offset + limit).map(({ htmlContent, statistics, ...c }) => ({ ...c, ...(noHtml ? {} : { htmlContent }), statistics: withStats === 'globalStats' ? { globalStats: statistics.globalStats } : statistics }));
        return send({ campaigns: shaped, count: chosen.length });
      }
      if (path === '/v3/crm/deals') {
        const { limit, offset } = paging(url, 100, 50);
        const contact = url.searchParams.get('filters[linkedContactsIds]');
        const chosen = data.deals.filter((d) => !contact || d.linkedContactsIds.includes(Number(contact)));
        return send({ items: chosen.slice(offset, offset + limit) });
      }
      return notFound(res, 'Invalid route');
    });
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    let m = /^\/contact\/index\/(\d+)\/?$/.exec(url.pathname);
    const contact = m && data.contacts.find((c) => c.id === Number(m[1]));
    if (contact) {
      const name = `${contact.attributes.FIRSTNAME} ${contact.attributes.LASTNAME}`;
      const lists = data.lists.filter((l) => contact.listIds.includes(l.id)).map((l) => `<li><a href="/contact/list/id/${l.id}">${escapeHtml(l.name)}</a></li>`).join('');
      return sendHtml(res, 200, `${name} | Contacts | Brevo`, `<h1 data-testid="contact-name">${escapeHtml(name)}</h1><p data-testid="contact-email">${escapeHtml(contact.email)}</p><ul>${lists}</ul>`);
    }
    m = /^\/contact\/list\/id\/(\d+)\/?$/.exec(url.pathname);
    const list = m && data.lists.find((l) => l.id === Number(m[1]));
    if (list) {
      const rows = data.contacts.filter((c) => c.listIds.includes(list.id)).slice(0, 50).map((c) => `<li><a href="/contact/index/${c.id}">${escapeHtml(c.email)}</a></li>`).join('');
      return sendHtml(res, 200, `${list.name} | Lists | Brevo`, `<h1>${escapeHtml(list.name)}</h1><ul>${rows}</ul>`);
    }
    return sendHtml(res, 404, 'Page not found | Brevo', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
