import type { RecordPageContext } from '../model/page-context';
import type { Connection } from '../model/health';

/**
 * Some console URLs do not say which account they belong to (Stripe without `acct_` in the
 * path, Klaviyo). Detectors then leave `account` empty and the connected account is meant.
 */
export function resolveContext(context: RecordPageContext, connection: Connection | undefined): RecordPageContext {
  return context.account === '' && connection ? { ...context, account: connection.account } : context;
}
