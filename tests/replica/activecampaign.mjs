// ActiveCampaign replica on acme.api-us1.com (API v3: users/me, contacts with limit/offset paging
// and `email`/`listid` filters, a contact with its contactLists and deals side-loaded, lists,
// deals, campaigns; `Api-Token` auth; string ids and counts; 5 requests a second per account,
// then 429 with Retry-After) and acme.activehosted.com contact pages. Contacts come from the
// HubSpot seed (every other one, numbered 1100 + HubSpot id); Ann Lee (1201) is spelled
// "ANN LEE" with a lower-case work address, is on both lists and has a won deal.
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const ACTIVECAMPAIGN_ACCOUNT = 'acme';
export const ACTIVECAMPAIGN_DEMO_TOKEN = '7f3e9a1c5b0d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9';
const API_HOST = `${ACTIVECAMPAIGN_ACCOUNT}.api-us1.com`;
const CONSOLE_HOST = `${ACTIVECAMPAIGN_ACCOUNT}.activehosted.com`;
export const ACTIVECAMPAIGN_ANN = { id: '1201', consoleUrl: `https://${CONSOLE_HOST}/app/contacts/1201` };

const BASE = Date.UTC(2026, 8, 20);
const DAY = 86_400_000;
/** ActiveCampaign's dates: ISO with the account's offset (here Chicago in summer). */
const acDate = (ms) => new Date(ms - 5 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '-05:00');
const link = (path) => `https://${API_HOST}/api/3${path}`;

export function makeActiveCampaignData(hubspot, seed = 31) {
  const random = mulberry32(seed);
  const lists = [
    { stringid: 'newsletter', userid: '1', name: 'Newsletter', cdate: acDate(BASE - 600 * DAY), udate: acDate(BASE - 20 * DAY), id: '1' },
    { stringid: 'customers', userid: '1', name: 'Customers', cdate: acDate(BASE - 400 * DAY), udate: acDate(BASE - 10 * DAY), id: '2' },
  ].map((l) => ({ ...l, links: { contactGoalLists: link(`/lists/${l.id}/contactGoalLists`), user: link(`/lists/${l.id}/user`) } }));
  const contacts = [];
  const contactLists = [];
  const deals = [];
  hubspot.contacts.forEach((contact, index) => {
    const isAnn = contact.id === '101';
    if (!isAnn && index % 2 !== 0) return;
    const p = contact.properties;
    const id = String(1100 + Number(contact.id));
    const created = BASE - (100 + Math.floor(random() * 400)) * DAY;
    const updated = BASE - Math.floor(random() * 60) * DAY;
    contacts.push({
      cdate: acDate(created),
      email: isAnn ? 'ann.lee@acme-robotics.com' : p.email,
      phone: isAnn ? '' : (p.phone ?? ''),
      firstName: isAnn ? 'ANN' : p.firstname,
      lastName: isAnn ? 'LEE' : p.lastname,
      orgid: '0',
      orgname: '',
      segmentio_id: '',
      bounced_hard: '0',
      bounced_soft: '0',
      bounced_date: '0000-00-00',
      ip: '0',
      ua: '',
      hash: id.padStart(32, '0'),
      socialdata_lastcheck: '0000-00-00 00:00:00',
      email_local: '',
      email_domain: '',
      sentcnt: String(Math.floor(random() * 30)),
      rating_tstamp: '0000-00-00',
      gravatar: '0',
      deleted: '0',
      adate: new Date(updated).toISOString().slice(0, 19).replace('T', ' '),
      udate: acDate(updated),
      edate: '0000-00-00 00:00:00',
      scoreValues: [],
      links: { contactLists: link(`/contacts/${id}/contactLists`), deals: link(`/contacts/${id}/deals`) },
      id,
      organization: null,
    });
    const join = (list, status) => contactLists.push({ contact: id, list: list.id, form: null, seriesid: '0', sdate: acDate(created + DAY), udate: acDate(updated), status, responder: '1', sync: '0', unsubreason: null, campaign: null, message: null, first_name: contact.properties.firstname, last_name: contact.properties.lastname, ip4Sub: '0', sourceid: '0', autosyncLog: null, ip4_last: '0', ip4Unsub: '0', unsubscribeAutomation: null, links: {}, id: String(contactLists.length + 1), automation: null });
    if (isAnn || random() < 0.8) join(lists[0], isAnn || random() < 0.85 ? '1' : '2');
    if (isAnn || random() < 0.3) join(lists[1], '1');
    if (isAnn || random() < 0.15) {
      const value = isAnn ? 1_250_000 : Math.floor(random() * 50_000) * 100;
      deals.push({ owner: '1', contact: id, organization: null, group: '1', stage: '3', title: isAnn ? 'Acme Robotics – Annual plan' : `${p.firstname} ${p.lastname} – Pilot`, description: '', percent: '0', cdate: acDate(created + 5 * DAY), mdate: acDate(updated), nextdate: null, nexttaskid: null, value: String(value), currency: 'usd', winProbability: null, winProbabilityMdate: null, status: isAnn ? '1' : String(Math.floor(random() * 3)), activitycount: '0', nextdealid: null, edate: null, links: {}, id: String(deals.length + 1), isDisabled: false, account: null, customerAccount: null });
    }
  });
  const sent = (name, days, amount, opens, clicks) => ({ type: 'single', userid: '1', name, cdate: acDate(BASE - days * DAY - DAY), mdate: acDate(BASE - days * DAY), sdate: acDate(BASE - days * DAY), ldate: acDate(BASE - days * DAY + 3_600_000), send_amt: String(amount), total_amt: String(amount), opens: String(opens * 2), uniqueopens: String(opens), linkclicks: String(clicks * 2), uniquelinkclicks: String(clicks), subscriberclicks: String(clicks), forwards: '0', hardbounces: '1', softbounces: '2', unsubscribes: '1', status: '5', public: '1', links: {}, id: String(days) });
  const campaigns = [sent('Autumn webinar invite', 12, 400, 172, 31), sent('Spring sale', 150, 380, 141, 22)];
  // Tracking logs: each contact was sent both campaigns; some opened or clicked. Times carry a
  // zone offset as ActiveCampaign's v3 times do. Ann opened and clicked the webinar invite,
  // opened the sale, and has one line that is no campaign activity (a deal change).
  const trackingLogs = [];
  const log = (contact, type, campaign, at) => trackingLogs.push({ contact, subscriberid: contact, type, campaign, tstamp: acDate(at), hash: '', value: null, links: {}, id: String(trackingLogs.length + 1) });
  for (const c of contacts) {
    const isAnn = c.email === 'ann.lee@acme-robotics.com';
    for (const campaign of campaigns) {
      const sentAt = Date.parse(campaign.sdate);
      log(c.id, 'sent', campaign.id, sentAt);
      const opened = isAnn || random() < 0.4;
      if (opened) log(c.id, 'open', campaign.id, sentAt + 2 * 3_600_000);
      if ((isAnn && campaign.name === 'Autumn webinar invite') || (!isAnn && opened && random() < 0.25)) log(c.id, 'click', campaign.id, sentAt + 3 * 3_600_000);
    }
    if (isAnn) log(c.id, 'deal_update', null, BASE - 2 * DAY);
  }
  return { account: ACTIVECAMPAIGN_ACCOUNT, user: { username: 'admin', firstName: 'Dana', lastName: 'Scully', email: 'dana.scully@demo-agency.com', phone: '', signature: null, links: {}, id: '1' }, lists, contacts, contactLists, deals, campaigns, trackingLogs };
}

export function createActiveCampaignReplica(hubspotData) {
  const data = makeActiveCampaignData(hubspotData);
  const state = replicaState([ACTIVECAMPAIGN_DEMO_TOKEN]);
  const limiter = windowLimiter(5, 1000);
  const page = (url) => ({ limit: Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 100), offset: Number(url.searchParams.get('offset') ?? 0) || 0 });
  const meta = (total, url) => ({ total: String(total), page_input: { limit: page(url).limit, offset: page(url).offset } });

  async function handleApi(req, res, url) {
    const path = url.pathname.replace(/\/$/, '');
    const token = String(req.headers['api-token'] ?? '');
    state.requests.push({ host: API_HOST, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: token.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    if (!state.tokens.has(token)) return sendJson(res, 403, { message: 'Forbidden' });
    const rate = limiter.hit(token);
    const rateHeaders = { 'ratelimit-limit': '5', 'ratelimit-remaining': String(rate.remaining) };
    if (!rate.allowed) return sendJson(res, 429, { message: 'Too Many Requests' }, { ...rateHeaders, 'retry-after': '1' });
    const send = (body) => sendJson(res, 200, body, rateHeaders);
    const { limit, offset } = page(url);

    if (path === '/api/3/users/me') return send({ user: data.user });
    if (path === '/api/3/lists') return send({ lists: data.lists.slice(offset, offset + limit), meta: meta(data.lists.length, url) });
    if (path === '/api/3/deals') return send({ deals: data.deals.slice(offset, offset + limit), meta: meta(data.deals.length, url) });
    if (path === '/api/3/campaigns') return send({ campaigns: data.campaigns.slice(offset, offset + limit), meta: meta(data.campaigns.length, url) });
    if (path === '/api/3/contacts') {
      const email = url.searchParams.get('email')?.trim().toLowerCase();
      const listId = url.searchParams.get('listid');
      const status = url.searchParams.get('status');
      let found = data.contacts;
      if (email) found = found.filter((c) => c.email.toLowerCase() === email);
      if (listId) found = found.filter((c) => data.contactLists.some((m) => m.contact === c.id && m.list === listId && (!status || m.status === status)));
      return send({ scoreValues: [], contacts: found.slice(offset, offset + limit), meta: meta(found.length, url) });
    }
    const logsOf = /^\/api\/3\/contacts\/(\d+)\/trackingLogs$/.exec(path);
    if (logsOf) {
      const found = data.trackingLogs.filter((l) => l.contact === logsOf[1]);
      return send({ trackingLogs: found.slice(offset, offset + limit), meta: meta(found.length, url) });
    }
    const m = /^\/api\/3\/contacts\/(\d+)$/.exec(path);
    const contact = m && data.contacts.find((c) => c.id === m[1]);
    if (contact) {
      return send({ contactAutomations: [], contactData: [], contactLists: data.contactLists.filter((x) => x.contact === contact.id), deals: data.deals.filter((d) => d.contact === contact.id), fieldValues: [], geoAddresses: [], geoIps: [], contact });
    }
    if (m) return sendJson(res, 404, { message: `No Result found for Subscriber with id ${m[1]}` });
    return sendJson(res, 404, { message: 'Not Found' });
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: false });
    const id = /^\/app\/contacts\/(\d+)\/?$/.exec(url.pathname)?.[1];
    const contact = id && data.contacts.find((c) => c.id === id);
    if (contact) {
      const name = `${contact.firstName} ${contact.lastName}`;
      return sendHtml(res, 200, `${name} | ActiveCampaign`, `<h1 data-testid="contact-name">${escapeHtml(name)}</h1><p>${escapeHtml(contact.email)}</p>`);
    }
    return sendHtml(res, 404, 'Page not found | ActiveCampaign', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
