import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';
import type { RecordType } from '../../model/keys';

export const STRIPE_CONSOLE_HOST = 'dashboard.stripe.com';

/**
 * Dashboard URLs: `/customers/cus_…`, `/test/customers/…`, `/acct_…/customers/…`,
 * `/acct_…/test/customers/…`, and the same for subscriptions, invoices and payments.
 * The account is `acct_…` (plus `-test` in test mode) when the URL names it, else '' (the
 * connected account is meant).
 */
const OBJECTS: Record<string, { type: RecordType; prefix: RegExp }> = {
  customers: { type: 'person', prefix: /^cus_\w+$/ },
  subscriptions: { type: 'subscription', prefix: /^sub_\w+$/ },
  invoices: { type: 'order', prefix: /^in_\w+$/ },
  payments: { type: 'order', prefix: /^(pi|ch|py)_\w+$/ },
};

export function isStripeTestModeUrl(url: URL): boolean {
  return /^\/(acct_\w+\/)?test\//.test(url.pathname);
}

export const stripeRecordPage: PageDetector = {
  name: 'stripe dashboard record page',
  detect(url) {
    if (url.protocol !== 'https:' || url.hostname !== STRIPE_CONSOLE_HOST) return null;
    const match = /^\/(?:(acct_\w+)\/)?(?:(test)\/)?(customers|subscriptions|invoices|payments)\/([\w]+)\/?$/.exec(url.pathname);
    const object = match && OBJECTS[match[3]!];
    if (!match || !object || !object.prefix.test(match[4]!)) return null;
    const account = match[1] ? `${match[1]}${match[2] ? '-test' : ''}` : '';
    return { connector: 'stripe', account, type: object.type, id: match[4]!, host: url.hostname };
  },
};

export const stripePages: PageDetector[] = [stripeRecordPage];

export function stripeDashboardUrl(path: 'customers' | 'subscriptions' | 'invoices' | 'payments', id: string, testMode: boolean): string {
  return `https://${STRIPE_CONSOLE_HOST}/${testMode ? 'test/' : ''}${path}/${id}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://dashboard.stripe.com/customers/cus_NffrFeUfNV2Hib', { account: '', type: 'person', id: 'cus_NffrFeUfNV2Hib', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/test/customers/cus_NffrFeUfNV2Hib', { account: '', type: 'person', id: 'cus_NffrFeUfNV2Hib', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/test/customers/cus_QXg1o8vcGmoR32', { account: '', type: 'person', id: 'cus_QXg1o8vcGmoR32', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/acct_1Abc/customers/cus_X1?tab=payments', { account: 'acct_1Abc', type: 'person', id: 'cus_X1', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/acct_1Abc/test/customers/cus_X1/', { account: 'acct_1Abc-test', type: 'person', id: 'cus_X1', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/subscriptions/sub_1Pgc6rB7WZ01zgkWNy0Cn5nw', { account: '', type: 'subscription', id: 'sub_1Pgc6rB7WZ01zgkWNy0Cn5nw', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/test/invoices/in_1Pgc6tB7WZ01zgkWu9fdqL6I', { account: '', type: 'order', id: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I', host: 'dashboard.stripe.com' }],
    ['https://dashboard.stripe.com/payments/pi_1PgafyB7WZ01zgkWSjxsAJo3#refunds', { account: '', type: 'order', id: 'pi_1PgafyB7WZ01zgkWSjxsAJo3', host: 'dashboard.stripe.com' }],
  ],
  negatives: [
    'https://dashboard.stripe.com/customers',
    'https://dashboard.stripe.com/customers/sub_123',
    'https://dashboard.stripe.com/test/dashboard',
    'https://dashboard.stripe.com/settings/team',
    'https://stripe.com/customers/cus_123',
    'https://dashboard.stripe.com.evil.example/customers/cus_123',
    'http://dashboard.stripe.com/customers/cus_123',
  ],
};
