// Salesforce replica: REST on acme.my.salesforce.com (/services/data/vXX.X/query with a tiny SOQL
// interpreter for exactly the query shapes the connector sends, nextRecordsUrl paging honouring
// `Sforce-Query-Options: batchSize`, array-shaped errors) and Lightning record pages on
// acme.lightning.force.com. People come from the HubSpot seed: a third as Contacts (Ann Lee as
// "Ann.Lee@acme-robotics.com" under Account "Acme Robotics"), some others as Leads.
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { companyIdOfContact, mulberry32 } from './seed.mjs';

export const SALESFORCE_SITE = 'https://acme.my.salesforce.com';
export const SALESFORCE_DEMO_TOKEN = '00D5g000004DEMO!AQ4AQDemoReplicaAccessToken.acme';
/** The `sid` cookie a signed-in browser holds for acme.my.salesforce.com (set by GET / on that host). */
export const SALESFORCE_DEMO_SESSION = '00D5g000004DEMO!AQ4AQDemoReplicaSessionId.acme';
const API_HOST = 'acme.my.salesforce.com';
const CONSOLE_HOST = 'acme.lightning.force.com';
const NOW = Date.UTC(2026, 9, 1, 12);
const DAY = 86_400_000;
const sfTime = (ms) => new Date(ms).toISOString().replace('Z', '+0000');
const sfDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/** 15-character id plus the case-folding 3-character suffix, as Salesforce shows them. */
export function id18(id15) {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i])) bits |= 1 << i;
    suffix += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'[bits];
  }
  return id15 + suffix;
}
const sfId = (prefix, n) => id18(`${prefix}5g00000${String(n).padStart(5, '0')}`);
const ORG_ID = id18('00D5g000004DEMO');
const attrs = (type, id) => ({ type, url: `/services/data/v62.0/sobjects/${type}/${id}` });
const INDUSTRY = { COMPUTER_SOFTWARE: 'Technology', MARKETING_AND_ADVERTISING: 'Media', RETAIL: 'Retail', FINANCIAL_SERVICES: 'Finance', HOSPITAL_HEALTH_CARE: 'Healthcare', LOGISTICS_AND_SUPPLY_CHAIN: 'Transportation' };
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'];
const CASE_SUBJECTS = ['Cannot log in', 'Invoice question', 'Sync stopped', 'Add a user', 'Data export fails'];

export function makeSalesforceData(hubspot, seed = 23) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const users = hubspot.owners.map((o, i) => ({ attributes: attrs('User', sfId('005', i + 1)), Id: sfId('005', i + 1), Name: `${o.firstName} ${o.lastName}` }));
  const owner = (i) => ({ OwnerId: users[i].Id, Owner: { attributes: users[i].attributes, Name: users[i].Name } });
  const accounts = new Map();
  const contacts = [];
  const leads = [];
  const opportunities = [];
  const cases = [];
  const accountFor = (companyId) => {
    if (accounts.has(companyId)) return accounts.get(companyId);
    const c = hubspot.companies.find((x) => x.id === companyId).properties;
    const Id = sfId('001', companyId);
    const created = NOW - (200 + Math.floor(random() * 600)) * DAY;
    const account = { attributes: attrs('Account', Id), Id, Name: c.name, Website: companyId === '5001' ? 'https://www.acme-robotics.com' : `www.${c.domain}`, Phone: c.phone, Industry: INDUSTRY[c.industry] ?? 'Other', Type: pick(['Customer - Direct', 'Customer - Channel', 'Prospect']), BillingCity: c.city, BillingCountry: c.country, NumberOfEmployees: Number(c.numberofemployees), AnnualRevenue: Number(c.annualrevenue), ...owner(Math.floor(random() * users.length)), CreatedDate: sfTime(created), LastModifiedDate: sfTime(NOW - Math.floor(random() * 30) * DAY), LastActivityDate: sfDate(NOW - Math.floor(random() * 20) * DAY) };
    accounts.set(companyId, account);
    const count = companyId === '5001' ? 3 : Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const OppId = sfId('006', opportunities.length + 1);
      const closed = companyId === '5001' ? i === 2 : random() < 0.3;
      const won = closed && (companyId === '5001' || random() < 0.6);
      const amount = companyId === '5001' ? [24000, 8500, 12000][i] : (1 + Math.floor(random() * 40)) * 1000;
      opportunities.push({ attributes: attrs('Opportunity', OppId), Id: OppId, Name: `${c.name} – ${pick(['New business', 'Expansion', 'Renewal'])}`, Amount: amount, StageName: closed ? (won ? 'Closed Won' : 'Closed Lost') : OPEN_STAGES[(opportunities.length + i) % OPEN_STAGES.length], IsClosed: closed, IsWon: won, CloseDate: sfDate(NOW + (closed ? -30 : 20 + i * 15) * DAY), AccountId: Id, Account: { attributes: account.attributes, Name: c.name }, ...owner(opportunities.length % users.length), CreatedDate: sfTime(NOW - 90 * DAY), LastModifiedDate: sfTime(NOW - (i + 1) * DAY) });
    }
    return account;
  };
  hubspot.contacts.forEach((contact, index) => {
    const p = contact.properties;
    const isAnn = contact.id === '101';
    const created = NOW - Math.floor(random() * 400) * DAY;
    const base = { FirstName: p.firstname, LastName: p.lastname, Name: `${p.firstname} ${p.lastname}`, Email: isAnn ? 'Ann.Lee@acme-robotics.com' : p.email, Phone: p.phone, MobilePhone: p.mobilephone, Title: p.jobtitle, ...owner(Number(contact.id) % users.length), CreatedDate: sfTime(created), LastModifiedDate: sfTime(created + 3 * DAY), LastActivityDate: random() < 0.5 ? sfDate(NOW - Math.floor(random() * 60) * DAY) : null };
    const companyId = companyIdOfContact(hubspot, contact.id);
    if (isAnn || index % 3 === 1) {
      const account = companyId ? accountFor(companyId) : null;
      const Id = sfId('003', contact.id);
      const row = { attributes: attrs('Contact', Id), Id, ...base, MailingCity: account?.BillingCity ?? null, MailingCountry: account?.BillingCountry ?? null, LeadSource: pick(['Web', 'Partner Referral', 'Trade Show', null]), AccountId: account?.Id ?? null, Account: account ? { attributes: account.attributes, Name: account.Name, Website: account.Website } : null };
      contacts.push(row);
      const count = isAnn ? 2 : Math.floor(random() * 2);
      for (let i = 0; i < count; i++) {
        const CaseId = sfId('500', cases.length + 1);
        const status = isAnn ? ['New', 'Closed'][i] : pick(['New', 'Working', 'Escalated', 'Closed']);
        cases.push({ attributes: attrs('Case', CaseId), Id: CaseId, CaseNumber: String(1001 + cases.length).padStart(8, '0'), Subject: isAnn ? ['Robot arm calibration fails', 'Invoice question'][i] : pick(CASE_SUBJECTS), Status: status, Priority: pick(['High', 'Medium', 'Low']), IsClosed: status === 'Closed', ContactId: Id, Contact: { attributes: row.attributes, Name: row.Name, Email: row.Email }, AccountId: row.AccountId, Account: account ? { attributes: account.attributes, Name: account.Name } : null, ...owner(0), CreatedDate: sfTime(NOW - (10 + i * 20) * DAY), LastModifiedDate: sfTime(NOW - i * DAY) });
      }
    } else if (index % 5 === 2) {
      const company = companyId ? hubspot.companies.find((c) => c.id === companyId).properties : null;
      const Id = sfId('00Q', contact.id);
      const leadCreated = NOW - Math.floor(random() * 90) * DAY;
      leads.push({ attributes: attrs('Lead', Id), Id, ...base, Company: company?.name ?? '[not provided]', Website: company ? `www.${company.domain}` : null, City: company?.city ?? null, Country: company?.country ?? null, Status: pick(['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted']), Industry: company ? (INDUSTRY[company.industry] ?? null) : null, IsConverted: false, CreatedDate: sfTime(leadCreated), LastModifiedDate: sfTime(leadCreated + DAY) });
    }
  });
  const organization = [{ attributes: attrs('Organization', ORG_ID), Id: ORG_ID, Name: 'Acme Demo Inc.', IsSandbox: false, OrganizationType: 'Enterprise Edition', DefaultCurrencyIsoCode: 'USD' }];
  return { orgId: ORG_ID, users, Organization: organization, Account: [...accounts.values()], Contact: contacts, Lead: leads, Opportunity: opportunities, Case: cases };
}

// ---- the SOQL subset -------------------------------------------------------------------------
const STRING = String.raw`'((?:[^'\\]|\\.)*)'`;
const unescape = (s) => s.replace(/\\(.)/g, (_, c) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
const CONDITIONS = [
  [new RegExp(String.raw`^(Id|AccountId|ContactId) IN \((${STRING}(?:, ${STRING})*)\)`), (m) => {
    const ids = [...m[2].matchAll(new RegExp(STRING, 'g'))].map((x) => unescape(x[1]).slice(0, 15));
    return (r) => ids.includes(String(r[m[1]] ?? '').slice(0, 15));
  }],
  [new RegExp(`^Email = ${STRING}`), (m) => (r) => (r.Email ?? '').toLowerCase() === unescape(m[1]).toLowerCase()],
  [/^(IsConverted|IsClosed) = (true|false)/, (m) => (r) => r[m[1]] === (m[2] === 'true')],
  [new RegExp(`^Website LIKE ${STRING}`), (m) => {
    const source = m[1].replace(/\\(.)|([%_])|([^\\%_])/g, (_, escaped, wild, plain) => (wild ? (wild === '%' ? '.*' : '.') : (escaped ?? plain).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    const like = new RegExp(`^${source}$`, 'is');
    return (r) => like.test(r.Website ?? '');
  }],
  [/^CreatedDate = LAST_N_DAYS:(\d+)/, (m) => (r) => Date.parse(r.CreatedDate.replace('+0000', 'Z')) >= NOW - Number(m[1]) * DAY],
];

/** Parses `a AND b AND …` with the conditions above; null when any part is not one of them. */
function parseWhere(where) {
  const tests = [];
  let rest = where;
  while (rest) {
    const hit = CONDITIONS.map(([re, make]) => [re.exec(rest), make]).find(([m]) => m);
    if (!hit) return null;
    tests.push(hit[1](hit[0]));
    rest = rest.slice(hit[0][0].length);
    if (rest && !rest.startsWith(' AND ')) return null;
    rest = rest.slice(5);
  }
  return (r) => tests.every((t) => t(r));
}

const fail = (status, errorCode, message) => ({ status, body: [{ message, errorCode }] });

/** Runs one SOQL statement against the data: { status, body } or { rows, total } for paging. */
export function runSoql(data, soql) {
  const q = soql.trim().replace(/\s+/g, ' ');
  let m = /^SELECT COUNT\(\) FROM (Case|Lead) WHERE (.+)$/.exec(q);
  if (m) {
    const test = parseWhere(m[2]);
    return test ? { status: 200, body: { totalSize: data[m[1]].filter(test).length, done: true, records: [] } } : fail(400, 'MALFORMED_QUERY', `unexpected token in: ${m[2]}`);
  }
  if (q === 'SELECT SUM(Amount) amount, COUNT(Id) n FROM Opportunity WHERE IsClosed = false') {
    const open = data.Opportunity.filter((o) => !o.IsClosed);
    return { status: 200, body: { totalSize: 1, done: true, records: [{ attributes: { type: 'AggregateResult' }, amount: open.length ? open.reduce((s, o) => s + (o.Amount ?? 0), 0) : null, n: open.length }] } };
  }
  m = /^SELECT (.+?) FROM (\w+)(?: WHERE (.+?))?(?: ORDER BY (\w+) (ASC|DESC))?(?: LIMIT (\d+))?$/.exec(q);
  if (!m) return fail(400, 'MALFORMED_QUERY', `The replica does not understand: ${q}`);
  const [, select, object, where, orderBy, direction, limit] = m;
  const table = data[object];
  if (!Array.isArray(table) || object === 'users') return fail(400, 'INVALID_TYPE', `sObject type '${object}' is not supported.`);
  const fields = select.split(', ');
  const template = table[0] ?? {};
  const relation = (rel) => table.find((r) => r[rel])?.[rel];
  const bad = fields.find((f) => (f.includes('.') ? !(f.split('.')[0] in template) || !(f.split('.')[1] in (relation(f.split('.')[0]) ?? {})) : !(f in template)));
  if (bad) return fail(400, 'INVALID_FIELD', `No such column '${bad}' on entity '${object}'.`);
  const test = where ? parseWhere(where) : () => true;
  if (!test) return fail(400, 'MALFORMED_QUERY', `unexpected token in: ${where}`);
  let rows = table.filter(test);
  if (orderBy) rows = [...rows].sort((a, b) => String(a[orderBy] ?? '').localeCompare(String(b[orderBy] ?? '')) * (direction === 'DESC' ? -1 : 1));
  if (limit) rows = rows.slice(0, Number(limit));
  const project = (r) => {
    const out = { attributes: r.attributes };
    for (const f of fields) {
      const [rel, sub] = f.split('.');
      if (!sub) out[f] = r[f] ?? null;
      else out[rel] = r[rel] ? { ...(out[rel] ?? { attributes: r[rel].attributes }), [sub]: r[rel][sub] ?? null } : null;
    }
    return out;
  };
  return { rows: rows.map(project) };
}

export function createSalesforceReplica(hubspotData) {
  const data = makeSalesforceData(hubspotData);
  const state = replicaState([SALESFORCE_DEMO_TOKEN, SALESFORCE_DEMO_SESSION]);
  const locators = new Map();
  let apiUsage = 0;

  function page(res, version, rows, batch, offset, locator) {
    const end = offset + batch;
    const body = { totalSize: rows.length, done: end >= rows.length, ...(end < rows.length ? { nextRecordsUrl: `/services/data/${version}/query/${locator}-${end}` } : {}), records: rows.slice(offset, end) };
    return sendJson(res, 200, body, { 'sforce-limit-info': `api-usage=${apiUsage}/15000` });
  }

  async function handleApi(req, res, url) {
    if (!url.pathname.startsWith('/services/')) return classicPage(req, res, url);
    const path = url.pathname;
    state.requests.push({ host: API_HOST, method: req.method, path: path + url.search, at: Date.now(), auth: Boolean(req.headers.authorization) });
    if (await applyFaults(state, req, res, path + url.search)) return;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !state.tokens.has(token)) return sendJson(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    apiUsage += 1;
    const batchHeader = /batchSize=(\d+)/i.exec(req.headers['sforce-query-options'] ?? '')?.[1];
    const batch = Math.min(2000, Math.max(200, Number(batchHeader ?? 2000)));
    let m = /^\/services\/data\/(v\d+\.\d)\/query\/?$/.exec(path);
    if (m) {
      const result = runSoql(data, url.searchParams.get('q') ?? '');
      if (!result.rows) return sendJson(res, result.status, result.body);
      const locator = `01g5g0000${String(locators.size + 1).padStart(6, '0')}`;
      if (result.rows.length > batch) locators.set(locator, { rows: result.rows, batch });
      return page(res, m[1], result.rows, batch, 0, locator);
    }
    m = /^\/services\/data\/(v\d+\.\d)\/query\/([A-Za-z0-9]+)-(\d+)$/.exec(path);
    if (m) {
      const saved = locators.get(m[2]);
      if (!saved) return sendJson(res, 400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
      return page(res, m[1], saved.rows, saved.batch, Number(m[3]), m[2]);
    }
    return sendJson(res, 404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  }

  const find = (id) => ['Contact', 'Lead', 'Account', 'Opportunity', 'Case'].flatMap((o) => data[o]).find((r) => r.Id.slice(0, 15) === id.slice(0, 15));
  const recordHtml = (r) =>
    `<div class="entityNameTitle">${escapeHtml(r.attributes.type)}</div><h1 class="slds-page-header__title">${escapeHtml(r.Name ?? r.Subject)}</h1>` +
    (r.Email ? `<p><a href="mailto:${escapeHtml(r.Email)}">${escapeHtml(r.Email)}</a></p>` : '') +
    (r.Phone ? `<p><a href="tel:${escapeHtml(r.Phone)}">${escapeHtml(r.Phone)}</a></p>` : '') +
    (r.Account ? `<p>Account Name <a href="/lightning/r/Account/${escapeHtml(r.AccountId)}/view">${escapeHtml(r.Account.Name)}</a></p>` : '');

  /** Classic pages (`/<id>`) and the signed-in landing page on the instance host; both hold the `sid` cookie. */
  function classicPage(req, res, url) {
    state.requests.push({ host: API_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    res.setHeader('set-cookie', `sid=${SALESFORCE_DEMO_SESSION}; Path=/; Secure; HttpOnly; SameSite=None`);
    if (url.pathname === '/') return sendHtml(res, 200, 'Home | Salesforce', '<h1>Acme Demo Inc.</h1><p>Signed in.</p>');
    const m = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/?$/.exec(url.pathname);
    const record = m && find(m[1]);
    return record ? sendHtml(res, 200, `${record.Name ?? record.Subject} ~ Salesforce - Enterprise Edition`, recordHtml(record)) : sendHtml(res, 404, 'Salesforce', '<h1>Data Not Available</h1>');
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: CONSOLE_HOST, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const m = /^\/lightning\/r\/(?:(\w+)\/)?([a-zA-Z0-9]{15,18})\/(?:view|related\/\w+\/view)$/.exec(url.pathname);
    const record = m && find(m[2]);
    if (record && (!m[1] || m[1] === record.attributes.type)) return sendHtml(res, 200, `${record.Name ?? record.Subject} | ${record.attributes.type} | Salesforce`, recordHtml(record));
    return sendHtml(res, 404, 'Salesforce', '<h1>Looks like there’s a problem.</h1>');
  }

  return { hosts: { api: [API_HOST], console: [CONSOLE_HOST] }, handleApi, handleConsole, data, state };
}

const ANN_ID = sfId('003', '101');
export const SALESFORCE_ANN = { id: ANN_ID, consoleUrl: `https://${CONSOLE_HOST}/lightning/r/Contact/${ANN_ID}/view` };
