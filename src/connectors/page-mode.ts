import type { ConnectorId } from '../model/keys';
import type { RecordPageContext } from '../model/page-context';
import { vendorsWith } from './vendors';

/**
 * Vendors whose record pages are read from the DOM when no credential is set (`page` mode),
 * those whose meta names the page's selectors: the record on screen still joins the profile,
 * and the other connected tools are looked up by its emails. No zod, no API code: the panel
 * and content script use this.
 */
export const PAGE_READABLE: readonly ConnectorId[] = vendorsWith('pageRecord');

export function isPageReadable(connector: ConnectorId): boolean {
  return PAGE_READABLE.includes(connector);
}

/** Page-read records of a console whose URL does not name the account are kept under its host. */
export function pageModeContext(context: RecordPageContext): RecordPageContext {
  return context.account ? context : { ...context, account: context.host };
}
