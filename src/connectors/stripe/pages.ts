import type { PageDetector } from '../contract';
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
    if (url.hostname !== STRIPE_CONSOLE_HOST) return null;
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
