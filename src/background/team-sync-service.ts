import { forgetTeamSyncSecret, getTeamSyncSecret, storeTeamSyncSecret, vaultStatus } from '../secrets/tokens';
import { deviceId, readTeamSyncConfig, writeTeamSyncConfig } from '../sync/team-config';
import type { MessageRequest, Reply } from '../protocol/messages';

/**
 * The worker's part of team sync: it keeps the team's password and passphrase with the tokens
 * and hands them only to its own pages, which run the sync (PouchDB stays out of the worker).
 */
export async function saveTeamSync({ url, username, password, passphrase }: MessageRequest<'options→background:saveTeamSync'>): Promise<Reply<'options→background:saveTeamSync'>> {
  if (passphrase && passphrase.length < 8) return { ok: false, error: { kind: 'rejected', message: 'Use a team passphrase of at least 8 characters, or none.' } };
  try {
    await storeTeamSyncSecret(JSON.stringify({ password, passphrase }));
  } catch (error) {
    return { ok: false, error: { kind: 'rejected', message: error instanceof Error ? error.message : 'The team password could not be kept.' } };
  }
  await writeTeamSyncConfig({ url, username, encrypted: !!passphrase });
  return { ok: true, data: {} };
}

export async function forgetTeamSync(): Promise<Reply<'options→background:forgetTeamSync'>> {
  await writeTeamSyncConfig(null);
  await forgetTeamSyncSecret();
  return { ok: true, data: {} };
}

export async function teamSyncTarget(): Promise<Reply<'page→background:teamSyncTarget'>> {
  const config = await readTeamSyncConfig();
  if (!config) return { ok: false, error: { kind: 'not-connected', message: 'Team sync is not set up.' } };
  const secret = await getTeamSyncSecret();
  if (!secret) {
    const locked = (await vaultStatus()) === 'locked';
    return { ok: false, error: { kind: 'not-connected', message: locked ? 'Tokens are locked: unlock them in Options to sync with your team.' : 'The team password is missing: enter it again in Options.' } };
  }
  const { password, passphrase } = JSON.parse(secret) as { password: string; passphrase: string };
  return { ok: true, data: { url: config.url, username: config.username, password, passphrase, device: await deviceId() } };
}
