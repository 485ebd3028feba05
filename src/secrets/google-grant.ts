import { z } from '../model/zod-setup';
import type { ConnectorId } from '../model/keys';
import { getGrantText, storeGrantText } from './tokens';

/**
 * What a Google sign-in keeps (sealed with the tokens when a passphrase is set): the user's own
 * OAuth client, the refresh token, and the access token of the hour with its expiry.
 * `tokenPrefix` is what the connector needs before the access token (Google Ads' developer token).
 */
const grantSchema = z.object({
  clientId: z.string(),
  clientSecret: z.string(),
  refreshToken: z.string(),
  tokenPrefix: z.optional(z.string()),
  accessToken: z.string(),
  expiresAt: z.number(),
});
export type GoogleGrant = z.infer<typeof grantSchema>;

/** The sign-in, or null when the tool was connected with a pasted token (or its tokens are locked). */
export async function readGrant(id: ConnectorId): Promise<GoogleGrant | null> {
  const text = await getGrantText(id);
  if (!text) return null;
  try {
    return grantSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export function storeGrant(id: ConnectorId, grant: GoogleGrant): Promise<void> {
  return storeGrantText(id, JSON.stringify(grant));
}

/** The token the connector reads: the access token, after the prefix where it needs one (`<developer token>:<access token>`). */
export const connectorToken = (grant: Pick<GoogleGrant, 'tokenPrefix' | 'accessToken'>) => (grant.tokenPrefix ? `${grant.tokenPrefix}:${grant.accessToken}` : grant.accessToken);
