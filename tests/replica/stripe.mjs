// Stripe replica: api.stripe.com (v1 REST: account, customers, search, subscriptions, charges,
// invoices with list/search envelopes and starting_after paging) and dashboard.stripe.com pages.
// Customers are derived from the HubSpot seed: about half the contacts, Ann Lee (101) among
// them with her email typed in other case and her name written differently.
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const STRIPE_DEMO_KEY = 'sk_test_51DemoAcmeReplica0000000000000000000000000000000000000000';
const ACCOUNT_ID = 'acct_1DemoAcme';
const NOW = Math.floor(Date.UTC(2026, 10, 1) / 1000);
const DAY = 86_400;

export function makeStripeData(hubspot, seed = 7) {
  const random = mulberry32(seed);
  const customers = [];
  const subscriptions = [];
  const charges = [];
  const invoices = [];
  const plans = [
    { nickname: 'Starter monthly', unit_amount: 2900, interval: 'month' },
    { nickname: 'Growth monthly', unit_amount: 9900, interval: 'month' },
    { nickname: 'Scale yearly', unit_amount: 99000, interval: 'year' },
  ];
  hubspot.contacts.forEach((contact, index) => {
    if (index % 2 !== 0 && contact.id !== '101') return;
    const p = contact.properties;
    const isAnn = contact.id === '101';
    const id = `cus_Demo${contact.id}`;
    const created = NOW - Math.floor(random() * 700) * DAY;
    customers.push({
      id,
      object: 'customer',
      email: isAnn ? 'Ann.Lee@Acme-Robotics.com' : index % 10 === 0 ? `${p.firstname}.${p.lastname}.home@gmail.com`.toLowerCase() : p.email,
      name: isAnn ? 'Ann B. Lee' : `${p.firstname} ${p.lastname}`,
      phone: p.phone,
      created,
      currency: 'usd',
      delinquent: random() < 0.05,
      livemode: false,
      address: { city: null, country: 'US', line1: null, line2: null, postal_code: null, state: null },
      balance: 0,
      description: null,
      metadata: { hubspot_contact_id: contact.id },
    });
    const subscriptionCount = isAnn ? 2 : Math.floor(random() * 3);
    for (let s = 0; s < subscriptionCount; s++) {
      const plan = isAnn ? plans[s === 0 ? 1 : 2] : plans[Math.floor(random() * plans.length)];
      const status = isAnn ? 'active' : random() < 0.8 ? 'active' : 'canceled';
      const subId = `sub_Demo${contact.id}x${s}`;
      subscriptions.push({
        id: subId,
        object: 'subscription',
        customer: id,
        status,
        currency: 'usd',
        created: created + DAY,
        livemode: false,
        items: { object: 'list', data: [{ id: `si_${subId}`, object: 'subscription_item', quantity: isAnn && s === 0 ? 3 : 1, price: { id: `price_${s}`, object: 'price', currency: 'usd', unit_amount: plan.unit_amount, nickname: plan.nickname, product: 'prod_Demo', recurring: { interval: plan.interval, interval_count: 1 } } }], has_more: false, url: `/v1/subscription_items?subscription=${subId}` },
      });
    }
    const chargeCount = isAnn ? 4 : Math.floor(random() * 5);
    for (let c = 0; c < chargeCount; c++) {
      const amount = isAnn ? 29700 : [2900, 9900, 99000][Math.floor(random() * 3)];
      charges.push({
        id: `ch_Demo${contact.id}x${c}`,
        object: 'charge',
        amount,
        amount_refunded: isAnn && c === 3 ? 29700 : 0,
        currency: 'usd',
        customer: id,
        paid: true,
        status: 'succeeded',
        created: NOW - c * 30 * DAY - Math.floor(random() * 5) * DAY,
        livemode: false,
        billing_details: { email: null, name: null },
      });
      invoices.push({ id: `in_Demo${contact.id}x${c}`, object: 'invoice', customer: id, number: `DEMO-${contact.id}-${c + 1}`, currency: 'usd', total: amount, amount_paid: amount, status: 'paid', created: NOW - c * 30 * DAY, livemode: false });
    }
    // A one-off purchase with no invoice: lifetime value counts it, so the timeline must show it.
    if (isAnn) charges.push({ id: 'ch_DemoAnnOneOff', object: 'charge', amount: 4950, amount_refunded: 0, currency: 'usd', customer: id, paid: true, status: 'succeeded', created: NOW - 2 * DAY, livemode: false, billing_details: { email: null, name: null } });
  });
  // People only Stripe knows: bought online, never in the CRM.
  for (let i = 0; i < 5; i++) customers.push({ id: `cus_Online${i}`, object: 'customer', email: `buyer${i}@shop-customer.net`, name: null, phone: null, created: NOW - i * DAY, currency: 'usd', delinquent: false, livemode: false, address: null, balance: 0, description: null, metadata: {} });
  return { accountId: ACCOUNT_ID, customers, subscriptions, charges, invoices };
}

export function createStripeReplica(hubspotData) {
  const data = makeStripeData(hubspotData);
  const state = replicaState([STRIPE_DEMO_KEY]);
  const error = (res, status, type, message) => sendJson(res, status, { error: { type, message } }, { 'request-id': `req_${Date.now()}` });
  const list = (url, items, path) => {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
    const after = url.searchParams.get('starting_after');
    const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
    const page = items.slice(start, start + limit);
    return { object: 'list', data: page, has_more: start + limit < items.length, url: path };
  };

  async function handleApi(req, res, url) {
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';
    state.requests.push({ host: 'api.stripe.com', method: req.method, path: path + url.search, at: Date.now(), auth: auth.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!state.tokens.has(key)) return error(res, 401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`);
    if (req.method !== 'GET') return error(res, 405, 'invalid_request_error', 'Method not allowed');

    if (path === '/v1/account') return sendJson(res, 200, { id: ACCOUNT_ID, object: 'account', business_profile: { name: 'Acme Demo Shop' }, settings: { dashboard: { display_name: 'Acme Demo Shop' } }, default_currency: 'usd', country: 'US' });
    if (path === '/v1/customers/search') {
      const match = /^email:'((?:[^'\\]|\\.)*)'$/.exec(url.searchParams.get('query') ?? '');
      if (!match) return error(res, 400, 'invalid_request_error', 'Invalid search query');
      const email = match[1].replace(/\\(.)/g, '$1').toLowerCase();
      const found = data.customers.filter((c) => c.email?.toLowerCase() === email);
      return sendJson(res, 200, { object: 'search_result', data: found, has_more: false, next_page: null, url: '/v1/customers/search' });
    }
    if (path === '/v1/customers') return sendJson(res, 200, list(url, data.customers, '/v1/customers'));
    let m = /^\/v1\/(customers|subscriptions|invoices|charges)\/([\w]+)$/.exec(path);
    if (m) {
      const item = data[m[1]].find((i) => i.id === m[2]);
      return item ? sendJson(res, 200, item) : error(res, 404, 'invalid_request_error', `No such ${m[1].slice(0, -1)}: '${m[2]}'`);
    }
    m = /^\/v1\/(subscriptions|invoices|charges)$/.exec(path);
    if (m) {
      let items = data[m[1]];
      const customer = url.searchParams.get('customer');
      if (customer) items = items.filter((i) => i.customer === customer);
      const status = url.searchParams.get('status');
      if (m[1] === 'subscriptions') items = items.filter((i) => (status === 'all' ? true : i.status === (status ?? 'active')));
      const createdGte = url.searchParams.get('created[gte]');
      if (createdGte) items = items.filter((i) => i.created >= Number(createdGte));
      return sendJson(res, 200, list(url, items, path));
    }
    return error(res, 404, 'invalid_request_error', `Unrecognized request URL (GET: ${path}).`);
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: 'dashboard.stripe.com', method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const m = /^\/(?:acct_\w+\/)?(?:test\/)?customers\/(cus_\w+)\/?$/.exec(url.pathname);
    const customer = m && data.customers.find((c) => c.id === m[1]);
    if (customer) {
      return sendHtml(res, 200, `${customer.name ?? customer.email} – Customers – Stripe`, `<h1 data-testid="customer-name">${escapeHtml(customer.name ?? customer.email)}</h1><p data-testid="customer-email">${escapeHtml(customer.email)}</p>`);
    }
    if (/^\/(test\/)?customers\/?$/.test(url.pathname)) {
      const rows = data.customers.map((c) => `<li><a href="/test/customers/${c.id}">${escapeHtml(c.name ?? c.email)}</a></li>`).join('');
      return sendHtml(res, 200, 'Customers – Stripe', `<ul>${rows}</ul>`);
    }
    return sendHtml(res, 404, 'Not found – Stripe', '<h1>Page not found</h1>');
  }

  return { hosts: { api: ['api.stripe.com'], console: ['dashboard.stripe.com'] }, handleApi, handleConsole, data, state };
}
