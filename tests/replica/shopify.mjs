// Shopify replica: <shop>.myshopify.com (REST Admin API under /admin/api/<version>/: shop, customers,
// customer search, a customer's orders, orders, counts; Link-header page_info paging; the leaky
// bucket of 40 requests leaking 2 a second, answered with 429 and Retry-After) and the admin's pages
// on admin.shopify.com/store/<shop>/… (the older <shop>.myshopify.com/admin/… pages redirect there).
// Customers are derived from the HubSpot seed: about a third of the contacts, Ann Lee (101) among
// them as "Anne Lee" with her email in capitals and her phone written the US way, with three orders.
import { applyFaults, escapeHtml, replicaState, sendHtml, sendJson } from './http-util.mjs';
import { mulberry32 } from './seed.mjs';

export const SHOPIFY_SHOP = 'acme';
export const SHOPIFY_HOST = `${SHOPIFY_SHOP}.myshopify.com`;
export const SHOPIFY_API_VERSION = '2026-07';
export const SHOPIFY_DEMO_TOKEN = 'shpat_demo0acme0replica00000000000000';
const ADMIN_HOST = 'admin.shopify.com';
const ANN_ID = 6200000101;
export const SHOPIFY_ANN = { id: String(ANN_ID), consoleUrl: `https://${ADMIN_HOST}/store/${SHOPIFY_SHOP}/customers/${ANN_ID}`, orderNames: ['#1001', '#1002', '#1003'] };
const DAY = 86_400_000;
const BUCKET = { size: 40, leakPerSecond: 2 };

/** Shopify writes dates in the shop's time zone with its offset: 2025-07-02T11:25:58-05:00. */
function shopTime(ms) {
  return `${new Date(ms - 5 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '')}-05:00`;
}
const price = (cents) => (cents / 100).toFixed(2);

export function makeShopifyData(hubspot, seed = 17, now = Date.now()) {
  const random = mulberry32(seed);
  const customers = [];
  const orders = [];
  let orderNumber = 1000;
  const addOrder = (customer, { cents, daysAgo, status = 'paid', cancelled = false, refunded = false }) => {
    orderNumber += 1;
    const created = now - daysAgo * DAY;
    const order = {
      id: 5500000000 + orderNumber,
      admin_graphql_api_id: `gid://shopify/Order/${5500000000 + orderNumber}`,
      name: `#${orderNumber}`,
      number: orderNumber - 1000,
      order_number: orderNumber,
      email: customer.email,
      created_at: shopTime(created),
      processed_at: shopTime(created),
      updated_at: shopTime(created + DAY),
      cancelled_at: cancelled ? shopTime(created + DAY) : null,
      cancel_reason: cancelled ? 'customer' : null,
      currency: 'USD',
      presentment_currency: 'USD',
      total_price: price(cents),
      current_total_price: price(refunded || cancelled ? 0 : cents),
      subtotal_price: price(cents),
      financial_status: refunded ? 'refunded' : cancelled ? 'voided' : status,
      fulfillment_status: status === 'paid' && daysAgo > 3 ? 'fulfilled' : null,
      tags: '',
      test: false,
      customer: { id: customer.id, email: customer.email, first_name: customer.first_name, last_name: customer.last_name, admin_graphql_api_id: customer.admin_graphql_api_id },
      line_items: [{ id: 4400000000 + orderNumber, title: 'Robot arm spare kit', quantity: 1, price: price(cents), sku: 'RA-KIT' }],
    };
    orders.push(order);
    return order;
  };

  hubspot.contacts.forEach((contact, index) => {
    const isAnn = contact.id === '101';
    if (index % 3 !== 0 && !isAnn) return;
    const p = contact.properties;
    const id = 6200000000 + Number(contact.id);
    const created = now - (isAnn ? 400 : Math.floor(random() * 600)) * DAY;
    const customer = {
      id,
      email: isAnn ? 'ANN.LEE@ACME-ROBOTICS.COM' : index % 9 === 0 ? `${p.firstname}.${p.lastname}@shopper-mail.net`.toLowerCase() : p.email,
      created_at: shopTime(created),
      updated_at: shopTime(created + 30 * DAY),
      first_name: isAnn ? 'Anne' : p.firstname,
      last_name: p.lastname,
      orders_count: 0,
      state: 'enabled',
      total_spent: '0.00',
      last_order_id: null,
      note: null,
      verified_email: true,
      multipass_identifier: null,
      tax_exempt: false,
      tags: isAnn ? 'VIP, Wholesale' : random() < 0.3 ? 'Newsletter' : '',
      last_order_name: null,
      currency: 'USD',
      phone: isAnn ? '(415) 555-0100' : null,
      tax_exemptions: [],
      email_marketing_consent: { state: random() < 0.5 ? 'subscribed' : 'not_subscribed', opt_in_level: 'single_opt_in', consent_updated_at: shopTime(created) },
      sms_marketing_consent: null,
      admin_graphql_api_id: `gid://shopify/Customer/${id}`,
      default_address: { id: id + 1, customer_id: id, first_name: null, last_name: null, company: p.company, address1: '1 Market St', address2: '', city: isAnn ? 'San Francisco' : 'Springfield', province: 'California', country: 'United States', zip: '94105', phone: null, name: '', province_code: 'CA', country_code: 'US', country_name: 'United States', default: true },
    };
    customer.addresses = [customer.default_address];
    customers.push(customer);
    const placed = isAnn
      ? [
          { cents: 12000, daysAgo: 2 },
          { cents: 8900, daysAgo: 20 },
          { cents: 4500, daysAgo: 90, refunded: true },
        ].map((o) => addOrder(customer, o))
      : Array.from({ length: Math.floor(random() * 3) }, () => addOrder(customer, { cents: 1000 + Math.floor(random() * 30000), daysAgo: Math.floor(random() * 60), cancelled: random() < 0.1 }));
    customer.orders_count = placed.length;
    customer.total_spent = price(placed.reduce((sum, o) => sum + Math.round(Number(o.current_total_price) * 100), 0));
    const last = placed.reduce((newest, o) => (!newest || o.created_at > newest.created_at ? o : newest), null);
    customer.last_order_id = last?.id ?? null;
    customer.last_order_name = last?.name ?? null;
  });
  return { shop: SHOPIFY_SHOP, customers, orders };
}

/** page_info: an opaque token (base64url JSON) for where the next page starts and what it filters. */
const encodePage = (state) => Buffer.from(JSON.stringify(state)).toString('base64url');
function decodePage(token) {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export function createShopifyReplica(hubspotData) {
  const data = makeShopifyData(hubspotData);
  const state = replicaState([SHOPIFY_DEMO_TOKEN]);
  // The leaky bucket per token: how full it was at `at`.
  const buckets = new Map();
  const errors = (res, status, said, headers = {}) => sendJson(res, status, { errors: said }, headers);

  function drip(token, now = Date.now()) {
    const bucket = buckets.get(token) ?? { level: 0, at: now };
    bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * BUCKET.leakPerSecond);
    bucket.at = now;
    buckets.set(token, bucket);
    if (bucket.level + 1 > BUCKET.size) return { allowed: false, level: bucket.level };
    bucket.level += 1;
    return { allowed: true, level: bucket.level };
  }

  /** One page of `items` with a Link header to the next (and previous) page, as Shopify sends it. */
  function paged(res, url, resource, items, filters) {
    const pageInfo = url.searchParams.get('page_info');
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 50), 1), 250);
    let offset = 0;
    if (pageInfo) {
      const extra = [...url.searchParams.keys()].filter((k) => k !== 'page_info' && k !== 'limit' && k !== 'fields');
      if (extra.length) return errors(res, 400, { page_info: [`${extra[0]} cannot be passed when page_info is present`] });
      const page = decodePage(pageInfo);
      if (!page || typeof page.offset !== 'number') return errors(res, 400, { page_info: ['Invalid value.'] });
      offset = page.offset;
      filters = page.filters;
    }
    const selected = items(filters);
    const slice = selected.slice(offset, offset + limit);
    const base = `https://${SHOPIFY_HOST}${url.pathname}`;
    const links = [];
    if (offset > 0) links.push(`<${base}?limit=${limit}&page_info=${encodePage({ offset: Math.max(0, offset - limit), filters })}>; rel="previous"`);
    if (offset + limit < selected.length) links.push(`<${base}?limit=${limit}&page_info=${encodePage({ offset: offset + limit, filters })}>; rel="next"`);
    return sendJson(res, 200, { [resource]: slice }, links.length ? { link: links.join(', ') } : {});
  }

  const ordersFiltered = (filters) =>
    data.orders
      .filter((o) => (filters.status === 'any' ? true : !o.cancelled_at))
      .filter((o) => !filters.created_at_min || Date.parse(o.created_at) >= Date.parse(filters.created_at_min))
      .filter((o) => !filters.customer || o.customer.id === filters.customer)
      .sort((a, b) => b.id - a.id);

  async function handleApi(req, res, url) {
    const path = url.pathname;
    // The older admin's pages live on the shop's host: they open the new admin now.
    if (path.startsWith('/admin/') && !path.startsWith('/admin/api/')) return handleConsole(req, res, url);
    const token = String(req.headers['x-shopify-access-token'] ?? '');
    state.requests.push({ host: SHOPIFY_HOST, method: req.method, path: path + url.search, at: Date.now(), auth: token.length > 0 });
    if (await applyFaults(state, req, res, path)) return;
    if (!state.tokens.has(token)) return errors(res, 401, '[API] Invalid API key or access token (unrecognized login or wrong password)');
    const bucket = drip(token);
    if (!bucket.allowed) return errors(res, 429, 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.', { 'retry-after': '1.0' });
    res.setHeader('x-shopify-shop-api-call-limit', `${Math.ceil(bucket.level)}/${BUCKET.size}`);
    if (req.method !== 'GET') return errors(res, 406, 'Not Acceptable');
    const prefix = `/admin/api/${SHOPIFY_API_VERSION}`;
    if (!path.startsWith(`${prefix}/`)) return errors(res, 404, 'Not Found');
    const route = path.slice(prefix.length);

    if (route === '/shop.json') {
      return sendJson(res, 200, { shop: { id: 548380009, name: 'Acme Robotics Store', email: 'shop@acme-robotics.com', domain: 'store.acme-robotics.com', country: 'US', currency: 'USD', iana_timezone: 'America/New_York', myshopify_domain: SHOPIFY_HOST, plan_name: 'basic', shop_owner: 'Dana Scully', created_at: shopTime(Date.UTC(2021, 2, 1)) } });
    }
    if (route === '/customers/count.json') return sendJson(res, 200, { count: data.customers.length });
    if (route === '/orders/count.json') return sendJson(res, 200, { count: ordersFiltered({ status: url.searchParams.get('status') ?? 'open' }).length });
    if (route === '/customers/search.json') {
      // `email:ann@x.com` or `email:"ann@x.com"`, matched without regard to case as Shopify does.
      const match = /^email:(?:"((?:[^"\\]|\\.)*)"|(\S+))$/.exec(url.searchParams.get('query') ?? '');
      if (!match) return sendJson(res, 200, { customers: [] });
      const email = (match[1]?.replace(/\\(.)/g, '$1') ?? match[2]).toLowerCase();
      return sendJson(res, 200, { customers: data.customers.filter((c) => c.email?.toLowerCase() === email) });
    }
    if (route === '/customers.json') return paged(res, url, 'customers', () => [...data.customers].sort((a, b) => a.id - b.id), {});
    if (route === '/orders.json') {
      return paged(res, url, 'orders', ordersFiltered, { status: url.searchParams.get('status') ?? 'open', created_at_min: url.searchParams.get('created_at_min') });
    }
    let m = /^\/customers\/(\d+)\/orders\.json$/.exec(route);
    if (m) {
      const id = Number(m[1]);
      if (!data.customers.some((c) => c.id === id)) return errors(res, 404, 'Not Found');
      return paged(res, url, 'orders', ordersFiltered, { status: url.searchParams.get('status') ?? 'open', customer: id });
    }
    m = /^\/(customers|orders)\/(\d+)\.json$/.exec(route);
    if (m) {
      const item = data[m[1]].find((i) => i.id === Number(m[2]));
      return item ? sendJson(res, 200, { [m[1].slice(0, -1)]: item }) : errors(res, 404, 'Not Found');
    }
    return errors(res, 404, 'Not Found');
  }

  function handleConsole(req, res, url) {
    state.requests.push({ host: url.hostname, method: req.method, path: url.pathname, at: Date.now(), auth: false });
    const old = /^\/admin\/(customers|orders)\/(\d+)\/?$/.exec(url.pathname);
    if (url.hostname === SHOPIFY_HOST && old) {
      res.writeHead(302, { location: `https://${ADMIN_HOST}/store/${SHOPIFY_SHOP}/${old[1]}/${old[2]}` });
      return res.end();
    }
    const m = /^\/store\/([\w-]+)\/(customers|orders)\/(\d+)\/?$/.exec(url.pathname);
    if (m && m[1] === SHOPIFY_SHOP) {
      const customer = m[2] === 'customers' ? data.customers.find((c) => c.id === Number(m[3])) : undefined;
      if (customer) {
        const name = `${customer.first_name} ${customer.last_name}`;
        return sendHtml(res, 200, `${name} · Customers · Shopify`, `<h1>${escapeHtml(name)}</h1><p>${escapeHtml(customer.email)}</p><p>${customer.orders_count} orders · $${customer.total_spent} spent</p>`);
      }
      const order = m[2] === 'orders' ? data.orders.find((o) => o.id === Number(m[3])) : undefined;
      if (order) return sendHtml(res, 200, `Order ${order.name} · Shopify`, `<h1>Order ${escapeHtml(order.name)}</h1><p>$${order.total_price} · ${escapeHtml(order.financial_status)}</p>`);
    }
    return sendHtml(res, 404, 'Not found · Shopify', '<h1>Page not found</h1>');
  }

  return { hosts: { api: [SHOPIFY_HOST], console: [ADMIN_HOST] }, handleApi, handleConsole, data, state, buckets };
}
