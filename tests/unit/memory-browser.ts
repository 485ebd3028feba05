/** Just enough of `browser` for background services in unit tests: storage areas, cookies and permissions in memory. */
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
  // Cookies by `url name`, and the optional permissions granted so far (tests set both).
  const jar = new Map<string, string>();
  const granted = new Set<string>();
  return {
    storage: {
      local: area('local', listeners),
      session: area('session', listeners),
      onChanged: { addListener: (listener: Listener) => listeners.add(listener), removeListener: (listener: Listener) => listeners.delete(listener) },
    },
    cookies: {
      jar,
      async get({ url, name }: { url: string; name: string }) {
        const value = jar.get(`${url} ${name}`);
        return value === undefined ? null : { name, value };
      },
    },
    permissions: {
      granted,
      async contains({ permissions = [] }: { permissions?: string[] }) {
        return permissions.every((permission) => granted.has(permission));
      },
      async remove({ permissions = [] }: { permissions?: string[] }) {
        for (const permission of permissions) granted.delete(permission);
        return true;
      },
    },
  };
}
