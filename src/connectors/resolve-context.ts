import type { RecordPageContext } from '../model/page-context';
import type { Connection } from '../model/health';
import { metaOf } from './vendors';

/**
 * Whether a console page whose URL does not name its account is on the connected account's
 * console (a Salesforce sandbox or another org, `otherco.pipedrive.com`, are not).
 */
export function isOtherAccountsConsole(context: RecordPageContext, connection: Connection): boolean {
  const owner = metaOf(context.connector).traits.consoleOwner;
  // '' as detected; the host once resolved (the panel sends its resolved context back).
  if (!owner || (context.account !== '' && context.account !== context.host)) return false;
  const pageOwner = owner.of(context.host);
  return pageOwner !== null && pageOwner !== owner.of(connection.consoleHost);
}

/**
 * Some console URLs do not say which account they belong to (Stripe without `acct_` in the
 * path, Klaviyo, Salesforce, Pipedrive). Detectors then leave `account` empty and the connected
 * account is meant, unless the page's host belongs to another org or company: then the page is
 * kept under its own host, which no connection's account equals (record-service says so).
 */
export function resolveContext(context: RecordPageContext, connection: Connection | undefined): RecordPageContext {
  if (context.account !== '' || !connection) return context;
  return isOtherAccountsConsole(context, connection) ? { ...context, account: context.host } : { ...context, account: connection.account };
}
