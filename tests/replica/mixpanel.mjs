// Mixpanel replica: the Query API under https://{mixpanel,eu.mixpanel}.com/api/query (engage
// profiles by `where` or `distinct_id` with page/session_id paging, the profile activity feed
// `/stream/query`, `/events/names` and daily `/events` counts), HTTP Basic service-account auth
// (401), a project that lives in one residency only (the other host answers 403), and the
// published 60 queries an hour per project (429 beyond it). Same hosts serve the console's
// profile pages (`/project/<id>/view/<ws>/app/profile#distinct_id=…`, the fragment never reaches
// a server, so the page is a shell).
// Profiles: every third HubSpot contact, and Ann Lee (101) as "Ann L." with the same email,
// plan "Growth", seen yesterday, with a few events this month (pricing page, report export).
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson, windowLimiter } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const MIXPANEL_PROJECT = '3141592';
/** The demo project stores its data in the EU: it answers on eu.mixpanel.com only. */
export const MIXPANEL_HOST = 'eu.mixpanel.com';
const OTHER_HOST = 'mixpanel.com';
export const MIXPANEL_SITE = `${MIXPANEL_HOST}/${MIXPANEL_PROJECT}`;
export const MIXPANEL_ACCOUNT = { username: 'customer-view.7f3a2c.mp-service-account', secret: 'k2P9xQ4vL7mR1tZ8wB3nY6hJ5dF0gC' };
/** What Options takes: `<username>:<secret>`. */
export const MIXPANEL_DEMO_KEY = `${MIXPANEL_ACCOUNT.username}:${MIXPANEL_ACCOUNT.secret}`;
const ANN_ID = '18b3f2a9c4e1d7-0a5c9e2b7f3d1-4c6a8e2f-1fa400-18b3f2a9c4e1d8';
export const MIXPANEL_ANN = { id: ANN_ID, consoleUrl: `https://${MIXPANEL_HOST}/project/${MIXPANEL_PROJECT}/view/2718/app/profile#distinct_id=${ANN_ID}` };
/** The project's events, most common first (what `/events/names` lists). */
export const MIXPANEL_EVENTS = ['Logged in', 'Viewed Page', 'Signed up', 'Viewed Pricing', 'Exported Report'];

const DAY = 86_400_000;
/** `2008-06-09T23:08:40`: profile dates in UTC without an offset. */
const profileDate = (ms) => new Date(ms).toISOString().slice(0, 19);
const utcDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const PLANS = ['Free', 'Starter', 'Growth', 'Enterprise'];

export function makeMixpanelData(hubspot, now = Date.now(), seed = 57) {
  const random = mulberry32(seed);
  const profiles = [];
  const events = [];
  hubspot.contacts.forEach((contact, index) => {
    const isAnn = contact.id === '101';
    if (!isAnn && index % 3 !== 0) return;
    const p = contact.properties;
    const id = isAnn ? ANN_ID : `${(0x18b3f2a9c4e1d7 + index * 7919).toString(16)}-${index}`;
    const lastSeen = isAnn ? now - DAY : now - Math.floor(random() * 60 + 1) * DAY;
    profiles.push({
      $distinct_id: id,
      $properties: {
        $created: profileDate(now - Math.floor(random() * 400 + 60) * DAY),
        $email: p.email,
        $first_name: p.firstname,
        $last_name: isAnn ? 'L.' : p.lastname,
        $last_seen: profileDate(lastSeen),
        $city: isAnn ? 'San Francisco' : null,
        $country_code: isAnn ? 'US' : 'US',
        plan: isAnn ? 'Growth' : PLANS[Math.floor(random() * PLANS.length)],
        signup_source: isAnn ? 'Webinar' : 'Organic',
      },
    });
    const feed = isAnn
      ? [['Logged in', 9], ['Viewed Page', 9], ['Viewed Pricing', 2], ['Logged in', 1], ['Exported Report', 1]]
      : Array.from({ length: Math.floor(random() * 3) }, () => [MIXPANEL_EVENTS[Math.floor(random() * 2)], Math.floor(random() * 20) + 1]);
    feed.forEach(([event, daysAgo], i) => {
      const time = Math.floor((now - daysAgo * DAY) / 1000) + i * 60;
      events.push({ event, properties: { time, distinct_id: id, $browser: 'Chrome', $city: isAnn ? 'San Francisco' : 'Austin', $region: isAnn ? 'California' : 'Texas' } });
    });
  });
  events.sort((a, b) => a.properties.time - b.properties.time);
  /** Events added by tests, by `YYYY-MM-DD|event`, on top of the daily numbers. */
  const extra = new Map();
  return { profiles, events, extra };
}

/** The project's daily total of an event: steady, different per day and event. */
function dailyCount(event, day) {
  const random = mulberry32([...`${event}|${day}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
  const base = { 'Logged in': 900, 'Viewed Page': 2400, 'Signed up': 60, 'Viewed Pricing': 140, 'Exported Report': 45 }[event] ?? 10;
  return Math.round(base * (0.8 + random() * 0.4));
}

/** `properties["$email"] == "…"` joined by ` or `: the only `where` the connector sends; anything else is refused. */
function matchesWhere(where, profile) {
  const terms = where.split(/\s+or\s+/);
  const wanted = [];
  for (const term of terms) {
    const m = /^properties\["\$email"\]\s*==\s*("(?:[^"\\]|\\.)*")$/.exec(term.trim());
    if (!m) return null;
    wanted.push(JSON.parse(m[1]));
  }
  // Mixpanel compares strings exactly, capitals included.
  return wanted.includes(profile.$properties.$email);
}

export function createMixpanelReplica(hubspotData) {
  const data = makeMixpanelData(hubspotData);
  /** The Query API's published limit, per project. */
  const rate = windowLimiter(60, 3_600_000);
  const sessions = new Map();
  const state = {
    ...replicaState([]),
    /** Profiles per engage page (Mixpanel's is 1000; tests shorten it to see paging). */
    pageSize: 1000,
    resetRate: () => rate.reset(),
    /** `count` more of `event` on `day` (today by default), as if people had just done it. */
    addEvents: (event, count, day = utcDay(Date.now())) => data.extra.set(`${day}|${event}`, (data.extra.get(`${day}|${event}`) ?? 0) + count),
  };

  function handleApi(req, res, url, body) {
    if (!url.pathname.startsWith('/api/')) return handleConsole(req, res, url);
    return handleQuery(req, res, url, body);
  }

  async function handleQuery(req, res, url, body) {
    const host = url.hostname;
    const path = url.pathname;
    state.requests.push({ host, method: req.method, path: path + url.search, at: Date.now(), auth: !!req.headers.authorization });
    if (await applyFaults(state, req, res, path)) return;
    const request = `${path}${url.search}`;
    const refuse = (status, error) => sendJson(res, status, { request, error });

    const auth = req.headers.authorization ?? '';
    const [user, secret] = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(/:(.*)/s) : [];
    if (user !== MIXPANEL_ACCOUNT.username || secret !== MIXPANEL_ACCOUNT.secret) return refuse(401, 'Invalid username or secret');
    const projectId = url.searchParams.get('project_id');
    if (!projectId) return refuse(400, 'project_id is required when authenticating with a service account');
    if (projectId !== MIXPANEL_PROJECT) return refuse(403, `You don't have access to project ${projectId}`);
    if (host !== MIXPANEL_HOST) return refuse(403, `Project ${projectId} stores its data in the EU: query eu.mixpanel.com`);
    if (!rate.hit(projectId).allowed) return sendJson(res, 429, { request, error: 'Query rate limit exceeded: 60 queries per hour', status: 'error' });

    const form = new URLSearchParams(typeof body === 'string' ? body : '');
    const param = (name) => form.get(name) ?? url.searchParams.get(name);
    const q = path.replace(/^\/api\/query/, '');

    if (q === '/engage' && req.method === 'POST') {
      const where = param('where');
      const distinctId = param('distinct_id');
      let matching = data.profiles;
      if (distinctId) matching = matching.filter((p) => p.$distinct_id === distinctId);
      if (where) {
        if (matching.some((p) => matchesWhere(where, p) === null)) return refuse(400, `Invalid where expression: ${where}`);
        matching = matching.filter((p) => matchesWhere(where, p));
      }
      const pageSize = state.pageSize;
      const output = param('output_properties') ? JSON.parse(param('output_properties')) : null;
      const page = Number(param('page') ?? 0) || 0;
      let sessionId = param('session_id');
      if (page > 0 && (!sessionId || !sessions.has(sessionId))) return refuse(400, 'session_id is required to read pages after the first');
      if (!sessionId) {
        sessionId = `${Date.now()}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
        sessions.set(sessionId, matching);
      }
      const all = sessions.get(sessionId) ?? matching;
      const results = all.slice(page * pageSize, (page + 1) * pageSize).map((p) => (output ? { ...p, $properties: Object.fromEntries(Object.entries(p.$properties).filter(([k]) => output.includes(k))) } : p));
      return sendJson(res, 200, { page, page_size: pageSize, results, session_id: sessionId, status: 'ok', ...(page === 0 ? { total: all.length } : {}) });
    }
    const dayParam = (name) => {
      const value = param(name);
      return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    };
    if (q === '/stream/query') {
      let ids;
      try {
        ids = JSON.parse(param('distinct_ids') ?? '');
      } catch {
        return refuse(400, 'distinct_ids must be a JSON array');
      }
      const from = dayParam('from_date');
      const to = dayParam('to_date');
      if (!Array.isArray(ids) || !from || !to) return refuse(400, 'distinct_ids, from_date and to_date are required');
      const within = data.events.filter((e) => ids.includes(e.properties.distinct_id) && utcDay(e.properties.time * 1000) >= from && utcDay(e.properties.time * 1000) <= to);
      return sendJson(res, 200, { status: 'ok', results: { events: within } });
    }
    if (q === '/events/names') {
      const limit = Math.max(1, Number(param('limit') ?? 255) || 255);
      return sendJson(res, 200, MIXPANEL_EVENTS.slice(0, limit));
    }
    if (q === '/events') {
      let events;
      try {
        events = JSON.parse(param('event') ?? '');
      } catch {
        return refuse(400, 'event must be a JSON array of event names');
      }
      const from = dayParam('from_date');
      const to = dayParam('to_date');
      if (!Array.isArray(events) || events.length === 0 || !from || !to || from > to) return refuse(400, 'event, from_date and to_date are required');
      if (param('unit') !== 'day') return refuse(400, 'this replica answers unit=day only');
      const series = [];
      for (let at = Date.parse(from); utcDay(at) <= to; at += DAY) series.push(utcDay(at));
      const today = utcDay(Date.now());
      const values = Object.fromEntries(
        events.map((event) => [event, Object.fromEntries(series.filter((day) => day <= today && MIXPANEL_EVENTS.includes(event)).map((day) => [day, dailyCount(event, day) + (data.extra.get(`${day}|${event}`) ?? 0)]))]),
      );
      return sendJson(res, 200, { data: { series, values }, legend_size: events.length });
    }
    return refuse(404, `Unknown query endpoint ${q}`);
  }

  function handleConsole(req, res, url) {
    const host = url.hostname;
    state.requests.push({ host, method: req.method, path: url.pathname + url.search, at: Date.now(), auth: false });
    if (/^\/project\/\d+(\/view\/\d+)?\/app\/profile\/?$/.test(url.pathname)) {
      // The distinct id is in the fragment; the real console reads it client-side too.
      return sendHtml(res, 200, 'User Profile | Mixpanel', `<h1>User profile</h1><p>Project ${escapeHtml(url.pathname.split('/')[2])}</p>`);
    }
    if (url.pathname === '/') return sendHtml(res, 200, 'Mixpanel', '<h1>Mixpanel</h1>');
    return sendHtml(res, 404, 'Not found | Mixpanel', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [MIXPANEL_HOST, OTHER_HOST], console: [] }, handleApi, handleConsole, data, state };
}
