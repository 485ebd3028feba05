import { useEffect, useState } from 'preact/hooks';
import { getConnections, onConnectionsChanged } from '../../platform/connections';
import type { Connection } from '../../model/health';

/** Connected accounts, kept current when Options connects or disconnects. `undefined` while loading. */
export function useConnections(): Connection[] | undefined {
  const [connections, setConnections] = useState<Connection[] | undefined>(undefined);
  useEffect(() => {
    const load = () => void getConnections().then(setConnections);
    load();
    return onConnectionsChanged(load);
  }, []);
  return connections;
}
