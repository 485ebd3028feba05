// Mailchimp replica on us6.api.mailchimp.com (Marketing API 3.0: API root, lists, members with
// count/offset paging and `fields=`, member by subscriber hash, search-members, RFC 7807 errors,
// Basic auth with the API key as password), each member's activity feed (campaign sends, opens,
// clicks, bounces, unsubscribes, and a signup the connector leaves out) and
// us6.admin.mailchimp.com contact pages.
// Two audiences derived from the HubSpot seed; Ann Lee (101) is in "Newsletter" as
// Ann.Lee@Acme-Robotics.com and in "Product updates" with her personal annlee.home@gmail.com.
import { createHash, randomUUID } from 'node:crypto';
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const MAILCHIMP_DEMO_KEY = '5c1e0b7a9d3f4e2a8b6c0d1e2f3a4b5c-us6';
const DC = 'us6';
const API_HOST = `${DC}.api.mailchimp.com`;
const CONSOLE_HOST = `${DC}.admin.mailchimp.com`;
const ACCOUNT = { account_id: '8d3a5f0c6b1e2d4f7a9c0b1e2', login_id: '41235123', account_name: 'Acme Demo Marketing', email: 'marketing@acme-demo.com' };
const ANN_WEB_ID = 540000001;
export const MAILCHIMP_ANN = { id: `web:${ANN_WEB_ID}`, hash: md5('ann.lee@acme-robotics.com'), consoleUrl: `https://${CONSOLE_HOST}/lists/members/view?id=${ANN_WEB_ID}` };

const BASE = Date.UTC(2026, 8, 15);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
function md5(text) {
  return createHash('md5').update(text).digest('hex');
}
const link = (rel, href, method = 'GET') => ({ rel, href: `https://${API_HOST}/3.0${href}`, method });
const problem = (status, title, detail) => ({ type: 'https://mailchimp.com/developer/marketing/docs/errors/', title, status, detail, instance: randomUUID() });

export function makeMailchimpData(hubspot, seed = 23) {
  const random = mulberry32(seed);
  const lists = [
    { id: '3f2a9c1b7d', web_id: 210001, name: 'Newsletter', date_created: iso(BASE - 700 * DAY) },
    { id: '8e4d6b2a0c', web_id: 210002, name: 'Product updates', date_created: iso(BASE - 300 * DAY) },
  ];
  const members = [];
  let webId = ANN_WEB_ID;
  const add = (list, contact, email, status, extra = {}) => {
    const p = contact.properties;
    const hash = md5(email.toLowerCase());
    const changed = BASE - Math.floor(random() * 120) * DAY;
    const self = `/lists/${list.id}/members/${hash}`;
    members.push({
      id: hash,
      email_address: email,
      unique_email_id: md5(`${list.id}${email}`).slice(0, 10),
      contact_id: md5(`contact${email}`),
      full_name: `${p.firstname} ${p.lastname}`,
      web_id: webId++,
      email_type: 'html',
      status,
      consents_to_one_to_one_messaging: true,
      merge_fields: { FNAME: p.firstname, LNAME: p.lastname, ADDRESS: random() < 0.5 ? '' : { addr1: '1 Market St', addr2: '', city: 'San Francisco', state: 'CA', zip: '94105', country: 'US' }, PHONE: random() < 0.5 ? (p.phone ?? '') : '', ...extra.merge_fields },
      stats: { avg_open_rate: Math.round(random() * 100) / 100, avg_click_rate: Math.round(random() * 30) / 100 },
      ip_signup: '',
      timestamp_signup: '',
      ip_opt: '198.51.100.7',
      timestamp_opt: iso(changed - 30 * DAY),
      member_rating: 1 + Math.floor(random() * 5),
      last_changed: iso(changed),
      language: 'en',
      vip: false,
      email_client: random() < 0.5 ? 'Gmail' : 'Apple Mail',
      location: { latitude: 0, longitude: 0, gmtoff: 0, dstoff: 0, country_code: 'US', timezone: 'America/Los_Angeles' },
      source: 'API - Generic',
      tags_count: extra.tags?.length ?? 0,
      tags: extra.tags ?? [],
      list_id: list.id,
      _links: [link('self', self), link('parent', `/lists/${list.id}/members`), link('update', self, 'PATCH'), link('activity', `${self}/activity`)],
    });
  };
  const statusOf = () => (random() < 0.85 ? 'subscribed' : random() < 0.6 ? 'unsubscribed' : 'cleaned');
  hubspot.contacts.forEach((contact, index) => {
    if (contact.id === '101') {
      add(lists[0], contact, 'Ann.Lee@Acme-Robotics.com', 'subscribed', { tags: [{ id: 9001, name: 'Customer' }, { id: 9002, name: 'Webinar 2026' }] });
      add(lists[1], contact, 'annlee.home@gmail.com', 'subscribed', { merge_fields: { FNAME: 'Ann', LNAME: 'Lee', ADDRESS: '', PHONE: '' } });
      return;
    }
    if (index % 2 === 0) add(lists[0], contact, contact.properties.email, statusOf());
    if (index % 5 === 0) add(lists[1], contact, contact.properties.email, statusOf(), { tags: [{ id: 9003, name: 'Beta' }] });
  });
  for (const list of lists) {
    const own = members.filter((m) => m.list_id === list.id);
    const count = (status) => own.filter((m) => m.status === status).length;
    list.stats = { member_count: count('subscribed'), unsubscribe_count: count('unsubscribed'), cleaned_count: count('cleaned'), member_count_since_send: 3, open_rate: list.web_id === 210001 ? 41.37 : 28.5, click_rate: list.web_id === 210001 ? 4.2 : 2.9, last_sub_date: own.map((m) => m.timestamp_opt).sort().at(-1) ?? '' };
    list._links = [link('self', `/lists/${list.id}`), link('members', `/lists/${list.id}/members`)];
  }
  return { account: ACCOUNT, lists, members };
}

/** Campaigns sent to each audience, oldest first; a member receives those sent after they opted in. */
const CAMPAIGNS = [
  { id: '42694e9e57', list_id: '3f2a9c1b7d', title: 'Spring sale', sent: BASE - 150 * DAY, link: 'https://acme-demo.com/spring' },
  { id: '7b1d3c9a20', list_id: '8e4d6b2a0c', title: 'Product digest: August', sent: BASE - 30 * DAY, link: 'https://acme-demo.com/changelog' },
  { id: 'c5e8f0a1b3', list_id: '3f2a9c1b7d', title: 'Autumn webinar invite', sent: BASE - 10 * DAY, link: 'https://acme-demo.com/webinar' },
];
const feedTime = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');

/**
 * A member's activity feed, newest first, shaped as the activity-feed alternative schemas
 * (activity_type, created_at_timestamp, campaign_id, campaign_title, plus per-type fields). Its
 * own random stream, seeded by the subscriber hash, so the members' seeded data stays as it was.
 */
export function activityFeedOf(member) {
  const random = mulberry32(parseInt(member.id.slice(0, 8), 16));
  const isAnn = member.id === MAILCHIMP_ANN.hash;
  const optedIn = Date.parse(member.timestamp_opt);
  const items = [{ activity_type: 'signup', created_at_timestamp: feedTime(optedIn), signup_category: 'api', campaign_id: '', campaign_title: '' }];
  for (const campaign of CAMPAIGNS.filter((c) => c.list_id === member.list_id && (isAnn || c.sent > optedIn))) {
    const base = { campaign_id: campaign.id, campaign_title: campaign.title };
    items.push({ activity_type: 'sent', created_at_timestamp: feedTime(campaign.sent), ...base });
    if (member.status === 'cleaned') {
      items.push({ activity_type: 'bounce', created_at_timestamp: feedTime(campaign.sent + 60_000), bounce_type: 'hard', bounce_has_open_activity: false, ...base });
      continue;
    }
    if (isAnn || random() < 0.6) items.push({ activity_type: 'open', created_at_timestamp: feedTime(campaign.sent + 3_600_000), ...base });
    if (isAnn || random() < 0.3) items.push({ activity_type: 'click', created_at_timestamp: feedTime(campaign.sent + 3_700_000), link_clicked: campaign.link, ...base });
  }
  if (member.status === 'unsubscribed') items.push({ activity_type: 'unsub', created_at_timestamp: feedTime(Date.parse(member.last_changed)), unsubscribe_reason: 'N/A (Unsubscribed by admin)', is_admin_unsubscribe: true, campaign_id: '', campaign_title: '' });
  return items.sort((a, b) => b.created_at_timestamp.localeCompare(a.created_at_timestamp));
}

/** `fields=a,b.c`: keep top-level keys and keys of the objects inside an array (`members.id`). */
function project(body, fields) {
  if (!fields) return body;
  const wanted = fields.split(',').map((f) => f.trim().split('.'));
  const out = {};
  for (const [top, inner] of wanted) {
    if (!(top in body)) continue;
    if (!inner) out[top] = body[top];
    else if (Array.isArray(body[top])) out[top] = body[top].map((item, i) => ({ ...(out[top]?.[i] ?? {}), [inner]: item[inner] }));
  }
  return out;
}

export function createMailchimpReplica(hubspotData) {
  const data = makeMailchimpData(hubspotData);
  const state = replicaState([MAILCHIMP_DEMO_KEY]);
  const notFound = (res) => sendJson(res, 404, problem(404, 'Resource Not Found', 'The requested resource could not be found.'));
  const page = (url, max) => ({ count: Math.min(Number(url.searchParams.get('count') ?? 10) || 10, max), offset: Number(url.searchParams.get('offset') ?? 0) || 0 });

  async function handleApi(req, res, url) {
    const path = url.pathname.replace(/\/$/, '') || '/';
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: API_HOST, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
    const key = decoded.slice(decoded.indexOf(':') + 1);
    if (!decoded.includes(':') || !state.tokens.has(key)) {
      return sendJson(res, 401, problem(401, 'API Key Invalid', "Your API key may be invalid, or you've attempted to access the wrong datacenter."));
    }
    const fields = url.searchParams.get('fields');
    const send = (body) => sendJson(res, 200, project(body, fields));

    if (path === '/3.0') return send({ ...data.account, _links: [link('lists', '/lists')] });
    if (path === '/3.0/lists') {
      const { count, offset } = page(url, 1000);
      return send({ lists: data.lists.slice(offset, offset + count), total_items: data.lists.length, _links: [link('self', '/lists')] });
    }
    if (path === '/3.0/search-members') {
      const query = (url.searchParams.get('query') ?? '').trim().toLowerCase();
      const exact = data.members.filter((m) => m.email_address.toLowerCase() === query);
      const full = query ? data.members.filter((m) => m.email_address.toLowerCase().includes(query) || m.full_name.toLowerCase().includes(query)).slice(0, 10) : [];
      return send({ exact_matches: { members: exact, total_items: exact.length }, full_search: { members: full, total_items: full.length }, _links: [] });
    }
    let m = /^\/3\.0\/lists\/([a-z0-9]+)(?:\/members(?:\/([a-f0-9]{32})(\/activity-feed)?)?)?$/.exec(path);
    const list = m && data.lists.find((l) => l.id === m[1]);
    if (!m || !list) return notFound(res);
    if (!path.includes('/members')) return send(list);
    const own = data.members.filter((x) => x.list_id === list.id);
    if (m[2]) {
      const member = own.find((x) => x.id === m[2]);
      if (!member) return notFound(res);
      if (!m[3]) return send(member);
      const { count, offset } = page(url, 1000);
      const feed = activityFeedOf(member);
      const self = `/lists/${list.id}/members/${member.id}/activity-feed`;
      return send({ activity: feed.slice(offset, offset + count), email_id: member.id, contact_id: member.contact_id, list_id: list.id, total_items: feed.length, _links: [link('self', self), link('parent', `/lists/${list.id}/members/${member.id}`)] });
    }
    const { count, offset } = page(url, 1000);
    return send({ members: own.slice(offset, offset + count), list_id: list.id, total_items: own.length, _links: [link('self', `/lists/${list.id}/members`)] });
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: false });
    const id = Number(url.searchParams.get('id'));
    if (url.pathname === '/lists/members/view') {
      const member = data.members.find((x) => x.web_id === id);
      if (member) {
        const list = data.lists.find((l) => l.id === member.list_id);
        return sendHtml(res, 200, `${member.full_name} | Mailchimp`, `<h1 data-testid="contact-name">${escapeHtml(member.full_name)}</h1><p data-testid="contact-email">${escapeHtml(member.email_address)}</p><p>Audience: ${escapeHtml(list?.name)} · ${escapeHtml(member.status)}</p>`);
      }
    }
    if (url.pathname === '/lists/members') {
      const list = data.lists.find((l) => l.web_id === id);
      if (list) {
        const rows = data.members.filter((x) => x.list_id === list.id).slice(0, 50).map((x) => `<li><a href="/lists/members/view?id=${x.web_id}">${escapeHtml(x.email_address)}</a></li>`).join('');
        return sendHtml(res, 200, `${list.name} | Audience | Mailchimp`, `<h1>${escapeHtml(list.name)}</h1><ul>${rows}</ul>`);
      }
    }
    return sendHtml(res, 404, 'Page not found | Mailchimp', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}
