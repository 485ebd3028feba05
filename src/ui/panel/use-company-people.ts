import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../protocol/client';
import type { ErrorReply, ToolPeople } from '../../protocol/messages';
import type { Connection } from '../../model/health';
import type { ConnectorId, CustomerRecord } from '../../model/record';
import { COMPANY_PEOPLE_CONNECTORS } from '../../model/keys';
import { useOtherToolsPending } from './use-cross-lookup';

export type CompanyPeopleState = { state: 'idle' | 'loading' } | { state: 'done'; tools: ToolPeople[] } | { state: 'error'; error: ErrorReply };

/** The tools the background will ask for a company's people: connected ones that list people and have this company. */
export function peopleTools(members: CustomerRecord[], connections: Connection[]): ConnectorId[] {
  const asked = members.filter(
    (m) => m.type === 'company' && COMPANY_PEOPLE_CONNECTORS.includes(m.connector) && connections.some((c) => c.connector === m.connector && c.account === m.account),
  );
  return [...new Set(asked.map((m) => m.connector))];
}

/**
 * Asks the company's tools for its people when it is opened (and on refresh); the people land in
 * the store. `pending` holds until the profile on screen was read after they landed, so the count
 * never shows what the cache alone knew.
 */
export function useCompanyPeople(recordKey: string | undefined, tools: ConnectorId[], queriedAt: number | undefined) {
  const [people, setPeople] = useState<CompanyPeopleState>({ state: 'idle' });
  const asking = !!recordKey && tools.length > 0;
  // Asked again when another tool's copy of the company joins (found by the cross-tool lookup);
  // the tools asked before answer from their recent reply, without a vendor call.
  const toolsKey = tools.join(',');
  const latest = useRef(0);
  const run = useCallback(
    async (force: boolean) => {
      const asked = ++latest.current;
      if (!recordKey || !toolsKey) return setPeople({ state: 'idle' });
      setPeople({ state: 'loading' });
      const reply = await send('panel→background:companyPeople', { key: recordKey, force });
      // An older question's answer must not end the newer one's loading state.
      if (asked !== latest.current) return;
      setPeople(reply.ok ? { state: 'done', tools: reply.data.tools } : { state: 'error', error: reply.error });
    },
    [recordKey, toolsKey],
  );
  useEffect(() => void run(false), [run]);
  const pending = useOtherToolsPending(people, asking, queriedAt);
  return { people, pending, refreshPeople: () => run(true) };
}
