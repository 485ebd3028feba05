import { recordKey, type CampaignActivity, type CustomerRecord, type RecordFields } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { campaignEventRecord } from '../kit/campaign-events';
import { text } from '../kit/text';
import { marketoLeadUrl } from './pages';
import type { MarketoActivity, MarketoLead, MarketoStaticList } from './schemas';

export interface MarketoNormalizeContext {
  /** The instance's Munchkin id (`123-ABC-456`). */
  account: string;
  /** `app-<pod>.marketo.com`, for deep links. */
  consoleHost: string;
  fetchedAt: number;
  /** Static list names by id, so memberships read by name. */
  listNames?: Record<number, string>;
}

/** Standard activity type ids (the same in every instance; `activities/types.json` names them). */
export const ACTIVITY = { visitWebpage: 1, fillOutForm: 2, clickLink: 3, sendEmail: 6, emailBounced: 8, unsubscribeEmail: 9, openEmail: 10, clickEmail: 11, newLead: 12 } as const;
/** What a person did, read for their timeline and last activity: at most 10 ids per call. */
export const PERSON_ACTIVITY_TYPES = [ACTIVITY.visitWebpage, ACTIVITY.fillOutForm, ACTIVITY.clickLink, ACTIVITY.sendEmail, ACTIVITY.emailBounced, ACTIVITY.unsubscribeEmail, ACTIVITY.openEmail, ACTIVITY.clickEmail];
/** Email activities in our words; web visits and forms count as activity but are no campaign event. */
const CAMPAIGN_ACTIVITY: Record<number, CampaignActivity> = { 6: 'sent', 8: 'bounce', 9: 'unsubscribe', 10: 'open', 11: 'click' };

/**
 * Marketo writes dates three ways: `2015-03-17T00:18:40Z`, `2015-05-07T11:47:30-08:00`,
 * `2014-09-17T22:31:49+0000` and, in the asset API, `2017-07-27T01:38:33Z+0000`.
 */
export function marketoDateToMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const iso = value.trim().replace(/Z(?=[+-]\d{2}:?\d{2}$)/, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export const marketoListKey = (account: string, listId: number) => recordKey('marketo', account, 'list', String(listId));
export const marketoPersonKey = (account: string, leadId: number) => recordKey('marketo', account, 'person', String(leadId));

const maxOf = (values: Array<number | undefined>) => values.reduce<number | undefined>((max, v) => (v !== undefined && (max === undefined || v > max) ? v : max), undefined);

export interface LeadExtras {
  /** Static lists the lead is in. */
  listIds?: number[];
  /** Their activities, newest or not: the latest is the person's last activity. */
  activities?: MarketoActivity[];
}

/** A lead: its score as a tag (“Lead score 72”), its static lists as memberships, its latest activity as last activity. */
export function normalizeMarketoLead(lead: MarketoLead, ctx: MarketoNormalizeContext, extras: LeadExtras = {}): CustomerRecord {
  const email = normalizeEmail(lead.email ?? '') ? lead.email!.trim() : undefined;
  const firstName = text(lead.firstName);
  const lastName = text(lead.lastName);
  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  const listIds = extras.listIds ?? [];
  const updatedAt = marketoDateToMs(lead.updatedAt);
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones: [text(lead.phone), text(lead.mobilePhone)].filter((p): p is string => !!p),
    companyName: text(lead.company),
    jobTitle: text(lead.title),
    city: text(lead.city),
    country: text(lead.country),
    status: text(lead.leadStatus),
    memberships: listIds.map((id) => ctx.listNames?.[id] ?? `List ${id}`),
    tags: typeof lead.leadScore === 'number' ? [`Lead score ${lead.leadScore}`] : [],
    createdAt: marketoDateToMs(lead.createdAt),
    lastModifiedAt: updatedAt,
    lastActivityAt: maxOf((extras.activities ?? []).map((a) => marketoDateToMs(a.activityDate))),
  };
  return buildRecord({
    connector: 'marketo',
    account: ctx.account,
    type: 'person',
    id: lead.id,
    title: name ?? email ?? `Lead ${lead.id}`,
    fields,
    links: listIds.map((id) => marketoListKey(ctx.account, id)),
    url: marketoLeadUrl(ctx.consoleHost, lead.id),
    fetchedAt: ctx.fetchedAt,
  });
}

/** A static list; its size, when counted, goes into `subject` (the canonical fields have no count). */
export function normalizeMarketoList(list: MarketoStaticList, ctx: MarketoNormalizeContext, size?: { count: number; more: boolean }): CustomerRecord {
  const fields: RecordFields = {
    name: list.name,
    subject: size ? `${size.count}${size.more ? '+' : ''} leads` : undefined,
    createdAt: marketoDateToMs(list.createdAt),
    lastModifiedAt: marketoDateToMs(list.updatedAt),
  };
  return buildRecord({
    connector: 'marketo',
    account: ctx.account,
    type: 'list',
    id: list.id,
    title: list.name,
    fields,
    url: text(list.computedUrl) ?? `https://${ctx.consoleHost}/#ST${list.id}A1`,
    fetchedAt: ctx.fetchedAt,
  });
}

/**
 * Email activities (send, open, click, bounce, unsubscribe) as campaign events of their lead,
 * named by the email (the primary attribute). The activity id is Marketo's own, so a refetch overwrites.
 */
export function normalizeMarketoActivities(activities: MarketoActivity[], ctx: MarketoNormalizeContext): CustomerRecord[] {
  return activities.flatMap((item) => {
    const activity = CAMPAIGN_ACTIVITY[item.activityTypeId];
    const at = marketoDateToMs(item.activityDate);
    const campaign = text(item.primaryAttributeValue);
    if (!activity || at === undefined || !campaign) return [];
    return [
      campaignEventRecord({
        connector: 'marketo',
        account: ctx.account,
        id: item.marketoGUID ?? String(item.id),
        personKey: marketoPersonKey(ctx.account, item.leadId),
        activity,
        campaign,
        at,
        url: marketoLeadUrl(ctx.consoleHost, item.leadId),
        fetchedAt: ctx.fetchedAt,
      }),
    ];
  });
}
