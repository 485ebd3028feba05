/** Just enough of `browser` for background services in unit tests: storage areas in memory. */
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

function area(name: string, listeners: Set<Listener>) {
  const items = new Map<string, unknown>();
  const notify = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    if (Object.keys(changes).length) listeners.forEach((listener) => listener(changes, name));
  };
  return {
    items,
    async get(keys: null | string | string[]) {
      const wanted = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]));
    },
    async set(values: Record<string, unknown>) {
      const changes = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { oldValue: items.get(key), newValue: value }]));
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      notify(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        if (items.has(key)) changes[key] = { oldValue: items.get(key) };
        items.delete(key);
      }
      notify(changes);
    },
  };
}

export function memoryBrowser() {
  const listeners = new Set<Listener>();
  return {
    storage: {
      local: area('local', listeners),
      session: area('session', listeners),
      onChanged: { addListener: (listener: Listener) => listeners.add(listener), removeListener: (listener: Listener) => listeners.delete(listener) },
    },
  };
}
