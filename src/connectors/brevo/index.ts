import type { Connector, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import { normalizeEmail } from '../../identity/normalize';
import { ConnectorError, isConnectorError, secondaryRead } from '../errors';
import { BrevoApi } from './api';
import { BREVO_CONSOLE_HOST, BREVO_ID } from './pages';
import { campaignNames, normalizeBrevoCampaignEvents, normalizeBrevoContact, normalizeBrevoDeal, normalizeBrevoList, type BrevoNormalizeContext } from './normalize';
import type { BrevoContact, BrevoEmailCampaign, BrevoList } from './schemas';
import { brevoMeta } from './meta';

/** Campaigns whose names events are given, and that metrics rates: one call, from the 100-an-hour bucket. */
const CAMPAIGNS = 50;
/** Campaign names are kept ten minutes per account, so opening people does not spend that bucket. */
const CAMPAIGN_TTL_MS = 10 * 60_000;
const campaignCache = new Map<string, { campaigns: BrevoEmailCampaign[]; at: number }>();
const SYNC_PAGE = 500;

async function sentCampaigns(api: BrevoApi, account: string): Promise<BrevoEmailCampaign[]> {
  const cached = campaignCache.get(account);
  if (cached && Date.now() - cached.at < CAMPAIGN_TTL_MS) return cached.campaigns;
  const campaigns = (await api.sentCampaigns(CAMPAIGNS)).campaigns ?? [];
  campaignCache.set(account, { campaigns, at: Date.now() });
  return campaigns;
}

/** The account's lists, up to 200 (four pages of 50). */
async function allLists(api: BrevoApi): Promise<BrevoList[]> {
  const lists: BrevoList[] = [];
  for (let offset = 0; offset < 200; offset += 50) {
    const page = await api.listsPage(offset);
    lists.push(...(page.lists ?? []));
    if (!page.lists?.length || lists.length >= (page.count ?? 0)) break;
  }
  return lists;
}

function context(connection: Connection, lists: BrevoList[] = [], campaigns: BrevoEmailCampaign[] = []): BrevoNormalizeContext {
  return { account: connection.account, fetchedAt: Date.now(), listNames: new Map(lists.map((l) => [l.id, l.name])), campaigns: campaignNames(campaigns), currency: connection.currency };
}

/**
 * A contact with the lists they are in (as records of their own), their CRM deals and their
 * newest campaign events. Campaign names and deals come from endpoints limited to 100 calls an
 * hour: when they fail the contact is still read (events named by campaign id, no deals), and
 * the error is a warning for health.
 */
async function contactInFull(api: BrevoApi, contact: BrevoContact, connection: Connection): Promise<FetchResult> {
  const warnings: ConnectorError[] = [];
  const [lists, campaigns, deals] = await Promise.all([
    allLists(api),
    secondaryRead(sentCampaigns(api, connection.account), [], warnings),
    secondaryRead(api.dealsOfContact(contact.id).then((page) => page.items ?? []), [], warnings),
  ]);
  const ctx = context(connection, lists, campaigns);
  const inLists = lists.filter((l) => contact.listIds?.includes(l.id));
  const records = [normalizeBrevoContact(contact, ctx), ...inLists.map((l) => normalizeBrevoList(l, ctx)), ...deals.slice(0, 20).map((d) => normalizeBrevoDeal(d, ctx)), ...normalizeBrevoCampaignEvents(contact.id, contact.statistics, ctx)];
  return { records, ...(warnings.length ? { warnings } : {}) };
}

export const brevo: Connector = {
  ...brevoMeta,

  async verify({ token }) {
    const account = await new BrevoApi(token).account();
    const id = account.organization_id?.trim() || (account.user_id ? String(account.user_id) : account.email?.trim());
    if (!id) throw new ConnectorError('schema', 'Brevo sent an account without an id.', { object: 'account', path: 'organization_id' });
    const name = account.companyName?.trim() || [account.firstName, account.lastName].filter(Boolean).join(' ') || id;
    return {
      connector: 'brevo',
      authMode: 'token',
      account: id,
      accountLabel: account.email ? `${name} (${account.email})` : name,
      consoleHost: BREVO_CONSOLE_HOST,
      // Brevo has no sandbox accounts.
      isSandbox: false,
    };
  },

  async fetchRecord(page, { token }, connection) {
    const api = new BrevoApi(token);
    if (!BREVO_ID.test(page.id)) throw new ConnectorError('not-found', `“${page.id}” is not a Brevo ${page.type === 'list' ? 'list' : 'contact'} id.`, { object: `${page.type} ${page.id}` });
    if (page.type === 'list') return { records: [normalizeBrevoList(await api.list(page.id), context(connection))] };
    if (page.type !== 'person') throw new ConnectorError('not-found', `Brevo records of type ${page.type} are not read.`, { object: `${page.type} ${page.id}` });
    return contactInFull(api, await api.contact(page.id), connection);
  },

  /** Brevo keeps one contact per email: the identifier lookup finds it, or answers 404. */
  async findByEmail(email, { token }, connection) {
    const api = new BrevoApi(token);
    const wanted = normalizeEmail(email);
    if (!wanted) return { records: [] };
    const contact = await api.contact(email.trim()).catch((error: unknown) => {
      if (isConnectorError(error) && error.kind === 'not-found') return null;
      throw error;
    });
    if (!contact || normalizeEmail(contact.email) !== wanted) return { records: [] };
    return contactInFull(api, contact, connection);
  },

  /** Contacts 500 a call, oldest first so that new ones land on later pages; the cursor is the offset. */
  async sync(cursor, { token }, connection) {
    const offset = /^\d{1,9}$/.test(cursor ?? '') ? Number(cursor) : 0;
    const api = new BrevoApi(token);
    const [page, lists] = await Promise.all([api.contactsPage(offset, SYNC_PAGE), offset === 0 ? allLists(api) : Promise.resolve([])]);
    const ctx = context(connection, lists);
    const records = [...lists.map((l) => normalizeBrevoList(l, ctx)), ...page.contacts.map((c) => normalizeBrevoContact(c, ctx))];
    const next = offset + page.contacts.length;
    return { records, cursor: page.contacts.length > 0 && next < (page.count ?? 0) ? String(next) : null };
  },

  /**
   * Contacts, list sizes, and the open and click rates of the newest sent campaigns (unique
   * opens and clicks over delivered, weighed by delivered). Campaigns cost the 100-an-hour
   * bucket: past our half of it the rates are left out until it refills.
   */
  async metrics({ token }, connection) {
    const api = new BrevoApi(token);
    const at = Date.now();
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string): MetricPoint => ({ metric, label, value, unit, at, connector: 'brevo', account: connection.account, ...(dimension ? { dimension } : {}) });
    const [contacts, lists] = await Promise.all([api.contactsPage(0, 1), allLists(api)]);
    const campaigns = await sentCampaigns(api, connection.account).catch((error: unknown) => {
      if (isConnectorError(error) && error.kind === 'rate-limit') return [];
      throw error;
    });
    const rated = campaigns.map((c) => ({ c, s: c.statistics?.globalStats })).filter(({ s }) => (s?.delivered ?? 0) > 0);
    const delivered = rated.reduce((sum, { s }) => sum + s!.delivered!, 0);
    const rate = (n: number) => Math.round((n / delivered) * 10_000) / 100;
    const perCampaign = (n: number, d: number) => Math.round((n / d) * 10_000) / 100;
    return [
      point('contacts', 'Brevo contacts', contacts.count ?? contacts.contacts.length, 'contacts'),
      point('lists', 'Brevo lists', lists.length, 'lists'),
      ...lists.map((l) => point('list-contacts', 'Contacts in Brevo list', l.uniqueSubscribers ?? l.totalSubscribers ?? 0, 'contacts', l.name)),
      ...(delivered > 0
        ? [
            point('open-rate', `Brevo open rate (last ${rated.length} campaigns)`, rate(rated.reduce((sum, { s }) => sum + (s!.uniqueViews ?? 0), 0)), '%'),
            point('click-rate', `Brevo click rate (last ${rated.length} campaigns)`, rate(rated.reduce((sum, { s }) => sum + (s!.uniqueClicks ?? 0), 0)), '%'),
          ]
        : []),
      ...rated.slice(0, 10).flatMap(({ c, s }) => [point('open-rate', 'Brevo open rate', perCampaign(s!.uniqueViews ?? 0, s!.delivered!), '%', c.name), point('click-rate', 'Brevo click rate', perCampaign(s!.uniqueClicks ?? 0, s!.delivered!), '%', c.name)]),
    ];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { brevo as connector };
