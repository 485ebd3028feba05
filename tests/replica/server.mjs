// The vendor replica: one HTTPS server that answers as each vendor does, chosen by Host header.
// Chromium reaches it on the real hostnames through --host-resolver-rules (see resolverRules).
// Adding a vendor = one module exporting create<Vendor>Replica + one line in `createReplicas`.
import { createServer } from 'node:https';
import selfsigned from 'selfsigned';
import { addBulkContacts, makeHubspotData } from './seed.mjs';
import { createHubspotReplica, HUBSPOT_DEMO_TOKEN } from './hubspot.mjs';
import { createStripeReplica, STRIPE_DEMO_KEY } from './stripe.mjs';
import { createZendeskReplica, ZENDESK_AGENT_EMAIL, ZENDESK_DEMO_TOKEN, ZENDESK_SUBDOMAIN } from './zendesk.mjs';
import { createGa4Replica, GA4_DEMO_TOKEN, GA4_PROPERTY } from './ga4.mjs';
import { createSalesforceReplica, SALESFORCE_DEMO_SESSION, SALESFORCE_DEMO_TOKEN, SALESFORCE_SITE } from './salesforce.mjs';
import { createIntercomReplica, INTERCOM_DEMO_TOKEN } from './intercom.mjs';
import { createMailchimpReplica, MAILCHIMP_DEMO_KEY } from './mailchimp.mjs';
import { createKlaviyoReplica, KLAVIYO_DEMO_KEY } from './klaviyo.mjs';
import { createPipedriveReplica, PIPEDRIVE_DEMO_TOKEN, PIPEDRIVE_SUBDOMAIN } from './pipedrive.mjs';
import { createMarketoReplica, MARKETO_DEMO_KEY, MARKETO_SITE } from './marketo.mjs';
import { createBrevoReplica, BREVO_DEMO_KEY } from './brevo.mjs';
import { createShopifyReplica, SHOPIFY_DEMO_TOKEN, SHOPIFY_SHOP } from './shopify.mjs';
import { createActiveCampaignReplica, ACTIVECAMPAIGN_ACCOUNT, ACTIVECAMPAIGN_DEMO_TOKEN } from './activecampaign.mjs';
import { createGoogleAdsReplica, GOOGLE_ADS_CUSTOMER, GOOGLE_ADS_DEMO_TOKEN } from './google-ads.mjs';
import { createMetaReplica, META_AD_ACCOUNT, META_DEMO_TOKEN } from './meta.mjs';
import { createMixpanelReplica, MIXPANEL_DEMO_KEY, MIXPANEL_SITE } from './mixpanel.mjs';
import { sendHtml } from './http-util.mjs';
import { createGoogleOAuthReplica, GOOGLE_OAUTH_CLIENT_ID, GOOGLE_OAUTH_CLIENT_SECRET } from './google-oauth.mjs';

/** One line per vendor. Each replica returns { hosts: {api, console}, handleApi, handleConsole, data, state }. */
export function createReplicas(hubspotData) {
  return {
    hubspot: createHubspotReplica(hubspotData),
    stripe: createStripeReplica(hubspotData),
    zendesk: createZendeskReplica(hubspotData),
    salesforce: createSalesforceReplica(hubspotData),
    intercom: createIntercomReplica(hubspotData),
    mailchimp: createMailchimpReplica(hubspotData),
    klaviyo: createKlaviyoReplica(hubspotData),
    pipedrive: createPipedriveReplica(hubspotData),
    shopify: createShopifyReplica(hubspotData),
    ga4: createGa4Replica(hubspotData),
    marketo: createMarketoReplica(hubspotData),
    brevo: createBrevoReplica(hubspotData),
    activecampaign: createActiveCampaignReplica(hubspotData),
    'google-ads': createGoogleAdsReplica(hubspotData),
    meta: createMetaReplica(hubspotData),
    mixpanel: createMixpanelReplica(hubspotData),
  };
}

/** A page on no vendor's host: "some other website" in tests. */
const OTHER_SITES = ['www.example.com'];

async function certificateFor(hosts) {
  return selfsigned.generate([{ name: 'commonName', value: 'customer-view-replica' }], {
    keyType: 'ec',
    days: 7,
    extensions: [{ name: 'subjectAltName', altNames: [...hosts.map((value) => ({ type: 2, value })), { type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}

/** `bulkContacts`: that many more HubSpot contacts (and what other replicas derive from them), for the benchmark. */
export async function startReplica({ port = 0, seed = 42, bulkContacts = 0 } = {}) {
  const hubspotData = bulkContacts ? addBulkContacts(makeHubspotData(seed), bulkContacts) : makeHubspotData(seed);
  const replicas = createReplicas(hubspotData);

  // Not a vendor: Google's sign-in, whose access tokens the GA4 and Google Ads replicas accept.
  const googleOAuth = createGoogleOAuthReplica({ ga4: replicas.ga4.state.tokens, 'google-ads': replicas['google-ads'].state.tokens });

  const routes = new Map();
  for (const replica of [...Object.values(replicas), googleOAuth]) {
    for (const host of replica.hosts.api) routes.set(host, (req, res, url, body) => replica.handleApi(req, res, url, body));
    for (const host of replica.hosts.console) routes.set(host, (req, res, url) => replica.handleConsole(req, res, url));
  }
  const otherSite = (req, res) =>
    sendHtml(res, 200, 'Example Domain', '<h1>Example Domain</h1><p>This domain is for use in examples.</p><p>Contact: someone@example.org</p>');
  for (const host of [...OTHER_SITES, 'localhost', '127.0.0.1']) routes.set(host, otherSite);

  const hosts = [...routes.keys()].filter((h) => h !== 'localhost' && h !== '127.0.0.1');
  /**
   * Every request as it arrived, for tests that look for credentials where they do not belong:
   * the credential header apart (the one place a token should be), everything else verbatim.
   */
  const traffic = [];
  const { private: key, cert } = await certificateFor(hosts);
  const server = createServer({ key, cert }, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    const route = routes.get(host);
    if (!route) return sendHtml(res, 421, 'Misdirected request', `<p>The replica does not serve ${host}.</p>`);
    const body = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' ? await readBody(req) : undefined;
    // Google Ads sends its developer token beside the bearer token: both are its credential.
    const { authorization, 'x-api-token': apiToken, 'api-key': apiKey, 'x-shopify-access-token': shopifyToken, 'developer-token': developerToken, ...headers } = req.headers;
    const bearer = authorization ?? apiToken ?? apiKey ?? shopifyToken;
    // Chromium itself asks accounts.google.com which Google accounts are signed in (ListAccounts):
    // the browser's traffic, not the extension's, so it is not in the log tests read.
    const browserOwn = host === 'accounts.google.com' && url.pathname !== '/o/oauth2/v2/auth';
    if (!browserOwn) traffic.push({ host, method: req.method, url: req.url ?? '/', headers, credential: developerToken ? `${developerToken} ${bearer ?? ''}` : bearer, body: body === undefined ? undefined : JSON.stringify(body) });
    try {
      await route(req, res, url, body);
    } catch (error) {
      console.error('replica error', error);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = server.address().port;
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    port: actualPort,
    hosts,
    traffic,
    ...replicas,
    googleOAuth,
    /** The OAuth client a user would create in Google Cloud for *Sign in with Google*. */
    googleClient: { clientId: GOOGLE_OAUTH_CLIENT_ID, clientSecret: GOOGLE_OAUTH_CLIENT_SECRET },
    demoTokens: {
      hubspot: HUBSPOT_DEMO_TOKEN,
      stripe: STRIPE_DEMO_KEY,
      zendesk: ZENDESK_DEMO_TOKEN,
      salesforce: SALESFORCE_DEMO_TOKEN,
      intercom: INTERCOM_DEMO_TOKEN,
      mailchimp: MAILCHIMP_DEMO_KEY,
      klaviyo: KLAVIYO_DEMO_KEY,
      pipedrive: PIPEDRIVE_DEMO_TOKEN,
      shopify: SHOPIFY_DEMO_TOKEN,
      ga4: GA4_DEMO_TOKEN,
      marketo: MARKETO_DEMO_KEY,
      brevo: BREVO_DEMO_KEY,
      activecampaign: ACTIVECAMPAIGN_DEMO_TOKEN,
      'google-ads': GOOGLE_ADS_DEMO_TOKEN,
      meta: META_DEMO_TOKEN,
      mixpanel: MIXPANEL_DEMO_KEY,
    },
    /** Zendesk signs in with subdomain + agent email + API token. */
    zendeskLogin: { site: ZENDESK_SUBDOMAIN, email: ZENDESK_AGENT_EMAIL },
    /** GA4 needs the property id. */
    ga4Login: { site: GA4_PROPERTY },
    /** Meta Ads needs the ad account id. */
    metaLogin: { site: META_AD_ACCOUNT },
    /** Salesforce: the instance URL, and the `sid` session cookie its console sets. */
    salesforceLogin: { site: SALESFORCE_SITE, session: SALESFORCE_DEMO_SESSION },
    /** Pipedrive needs the company subdomain. */
    pipedriveLogin: { site: PIPEDRIVE_SUBDOMAIN },
    /** Marketo needs the instance's REST endpoint host. */
    marketoLogin: { site: MARKETO_SITE },
    /** Shopify needs the shop's address. */
    shopifyLogin: { site: SHOPIFY_SHOP },
    /** ActiveCampaign needs the account URL. */
    activecampaignLogin: { site: `https://${ACTIVECAMPAIGN_ACCOUNT}.api-us1.com` },
    /** Google Ads needs the customer id (and, through a manager, `<id> via <manager id>`). */
    googleAdsLogin: { site: GOOGLE_ADS_CUSTOMER },
    /** Mixpanel needs the project id, on its EU residency host. */
    mixpanelLogin: { site: MIXPANEL_SITE },
    resolverRules: hosts.map((host) => `MAP ${host}:443 127.0.0.1:${actualPort}`).join(', '),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const portArg = process.argv.indexOf('--port');
  const replica = await startReplica({ port: portArg > 0 ? Number(process.argv[portArg + 1]) : 8443 });
  console.log(`Vendor replica on https://127.0.0.1:${replica.port}`);
  console.log(`Hosts: ${replica.hosts.join(', ')}`);
  console.log(`Chromium flag: --host-resolver-rules="${replica.resolverRules}"`);
  console.log(`Demo tokens: ${JSON.stringify(replica.demoTokens)}`);
  console.log('Ctrl-C stops.');
}
