import { connectorFor } from '../connectors/registry';
import type { ConnectorId } from '../model/record';
import type { Credentials } from '../connectors/contract';
import { removeConnection, saveConnection, vaultStatus } from '../platform/storage';
import { customerDb } from '../store/db';
import { clearHealth } from '../store/records';
import type { Reply } from '../protocol/messages';
import { toErrorReply } from './errors';

/** One real API call decides: a rejected token is never stored. */
export async function connect(connectorId: ConnectorId, credentials: Credentials): Promise<Reply<'options→background:connect'>> {
  if ((await vaultStatus()) === 'locked') {
    return { ok: false, error: { kind: 'auth', message: 'Unlock your tokens with your passphrase before connecting another tool.' } };
  }
  try {
    const verified = await connectorFor(connectorId).verify(credentials);
    const connection = { ...verified, site: credentials.site || undefined, email: credentials.email || undefined, connectedAt: Date.now() };
    await saveConnection(connection, credentials.token);
    await clearHealth(customerDb(), connectorId);
    return { ok: true, data: { connection } };
  } catch (error) {
    return { ok: false, error: toErrorReply(error) };
  }
}

export async function disconnect(connectorId: ConnectorId): Promise<Reply<'options→background:disconnect'>> {
  await removeConnection(connectorId);
  return { ok: true, data: {} };
}
