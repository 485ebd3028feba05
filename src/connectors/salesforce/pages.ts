import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';
import type { RecordType } from '../../model/keys';

/** The standard objects we read, with their record type and 3-character id key prefix. */
export const SALESFORCE_OBJECTS = {
  Contact: { type: 'person', prefix: '003' },
  Lead: { type: 'person', prefix: '00Q' },
  Account: { type: 'company', prefix: '001' },
  Opportunity: { type: 'deal', prefix: '006' },
  Case: { type: 'ticket', prefix: '500' },
} as const satisfies Record<string, { type: RecordType; prefix: string }>;
export type SalesforceObject = keyof typeof SALESFORCE_OBJECTS;

const OBJECT_NAMES = Object.keys(SALESFORCE_OBJECTS) as SalesforceObject[];

export function isSalesforceObject(name: string): name is SalesforceObject {
  return (OBJECT_NAMES as string[]).includes(name);
}

/** Contact vs Lead (both `person`) and every other object are told apart by the id's key prefix. */
export function salesforceObjectOfId(id: string): SalesforceObject | null {
  return OBJECT_NAMES.find((name) => id.startsWith(SALESFORCE_OBJECTS[name].prefix)) ?? null;
}

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The case-insensitive 18-character form of a record id (the API always answers with it;
 * Classic URLs often show 15). Returns null for anything that is not an id.
 */
export function salesforceId18(id: string): string | null {
  if (!ID.test(id)) return null;
  if (id.length === 18) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id[chunk * 5 + i]!)) bits |= 1 << i;
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id + suffix;
}

/** My Domain labels: `acme`, sandboxes `acme--uat` (enhanced domains put them under `.sandbox.`). */
const LIGHTNING_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.(sandbox\.)?lightning\.force\.com$/;
const INSTANCE_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.(sandbox\.)?my\.salesforce\.com$/;

/** `acme.lightning.force.com` -> `https://acme.my.salesforce.com` (where the API and the `sid` cookie live). */
export function salesforceInstanceFromConsoleHost(host: string): string | null {
  const value = host.toLowerCase();
  const match = LIGHTNING_HOST.exec(value) ?? INSTANCE_HOST.exec(value);
  return match ? `https://${match[1]}.${match[2] ?? ''}my.salesforce.com` : null;
}

/** The Lightning console host of an instance origin: `https://acme.my.salesforce.com` -> `acme.lightning.force.com`. */
export function salesforceConsoleHostOf(origin: string): string {
  const match = INSTANCE_HOST.exec(origin.replace(/^https:\/\//, ''));
  return match ? `${match[1]}.${match[2] ?? ''}lightning.force.com` : origin.replace(/^https:\/\//, '');
}

function context(object: SalesforceObject | null, rawId: string, host: string) {
  const id = salesforceId18(rawId);
  if (!id || !object || salesforceObjectOfId(id) !== object) return null;
  return { connector: 'salesforce' as const, account: '', type: SALESFORCE_OBJECTS[object].type as RecordType, id, host };
}

/**
 * Lightning record pages: `/lightning/r/Contact/<id>/view`, `/lightning/r/<id>/view`,
 * `/lightning/r/Account/<id>/related/Contacts/view`. The org id is not in the URL (account '').
 */
export const salesforceLightningPage: PageDetector = {
  name: 'salesforce lightning record page',
  detect(url) {
    if (url.protocol !== 'https:' || !LIGHTNING_HOST.test(url.hostname)) return null;
    const match = /^\/lightning\/r\/(?:([A-Za-z]\w*)\/)?([a-zA-Z0-9]{15,18})\/(?:view|related\/\w+\/view)\/?$/.exec(url.pathname);
    if (!match) return null;
    const named = match[1];
    if (named !== undefined && !isSalesforceObject(named)) return null;
    return context(named ?? salesforceObjectOfId(match[2]!), match[2]!, url.hostname);
  },
};

/** Classic record pages: `https://acme.my.salesforce.com/0035g00000ABCDe` (15 or 18 characters). */
export const salesforceClassicPage: PageDetector = {
  name: 'salesforce classic record page',
  detect(url) {
    if (url.protocol !== 'https:' || !INSTANCE_HOST.test(url.hostname)) return null;
    const match = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/?$/.exec(url.pathname);
    return match ? context(salesforceObjectOfId(match[1]!), match[1]!, url.hostname) : null;
  },
};

export const salesforcePages: PageDetector[] = [salesforceLightningPage, salesforceClassicPage];

/** Deep link into Lightning Experience on the org's console host. */
export function salesforceRecordUrl(consoleHost: string, object: SalesforceObject, id: string): string {
  return `https://${consoleHost}/lightning/r/${object}/${id}/view`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view', { account: '', type: 'person', id: '0035g00000ABCDeAAH', host: 'acme.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view?ws=%2Flightning', { account: '', type: 'person', id: '0035g00000ABCDeAAH', host: 'acme.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000XyZ12EAB/view', { account: '', type: 'person', id: '00Q5g00000XyZ12EAB', host: 'acme.lightning.force.com' }],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001A0000006Vm9rIAC/view', { account: '', type: 'company', id: '001A0000006Vm9rIAC', host: 'acme--uat.sandbox.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/Account/001A0000006Vm9rIAC/related/Contacts/view', { account: '', type: 'company', id: '001A0000006Vm9rIAC', host: 'acme.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/006A0000006Vm9r/view', { account: '', type: 'deal', id: '006A0000006Vm9rIAC', host: 'acme.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABCDeAAH/view', { account: '', type: 'deal', id: '0065g00000ABCDeAAH', host: 'acme.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/Case/500A0000006Vm9rIAC/view', { account: '', type: 'ticket', id: '500A0000006Vm9rIAC', host: 'acme.lightning.force.com' }],
    ['https://acme.lightning.force.com/lightning/r/Case/5005g00000ABCDeAAH/view', { account: '', type: 'ticket', id: '5005g00000ABCDeAAH', host: 'acme.lightning.force.com' }],
    ['https://acme.my.salesforce.com/001A0000006Vm9r', { account: '', type: 'company', id: '001A0000006Vm9rIAC', host: 'acme.my.salesforce.com' }],
    ['https://acme--uat.sandbox.my.salesforce.com/0035g00000ABCDeAAH', { account: '', type: 'person', id: '0035g00000ABCDeAAH', host: 'acme--uat.sandbox.my.salesforce.com' }],
  ],
  negatives: [
    'https://acme.lightning.force.com.evil.example/lightning/r/Contact/0035g00000ABCDeAAH/view',
    'https://evil.example/acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view',
    'https://lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view',
    'https://acme.evil-lightning.force.com.example/lightning/r/Contact/0035g00000ABCDeAAH/view',
    'http://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view',
    'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/edit',
    'https://acme.lightning.force.com/lightning/o/Contact/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/r/Campaign/7015g00000ABCDeAAH/view',
    'https://acme.lightning.force.com/lightning/r/Contact/0015g00000ABCDeAAH/view',
    'https://acme.lightning.force.com/lightning/r/0035g00000ABCDeA/view',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.my.salesforce.com/home/home.jsp',
    'https://acme.my.salesforce.com/7015g00000ABCDe',
    'https://acme.my.salesforce.com.evil.example/0035g00000ABCDe',
    'https://acme.salesforce.com/0035g00000ABCDe',
    'https://acme.force.com/0035g00000ABCDe',
  ],
};
