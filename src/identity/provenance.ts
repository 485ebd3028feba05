import type { ConnectorId, CustomerRecord } from '../model/record';

/** Where a shown value came from: the tool, and when we last read it there. */
export interface Provenance {
  connector: ConnectorId;
  fetchedAt: number;
}

/** A value with every tool it was computed from. */
export interface Sourced<T> {
  value: T;
  from: Provenance[];
}

/** One entry per tool, in the records' order, with that tool's oldest read: a figure is only as fresh as its stalest input. */
export function provenanceOf(records: CustomerRecord[]): Provenance[] {
  const oldest = new Map<ConnectorId, number>();
  for (const record of records) oldest.set(record.connector, Math.min(oldest.get(record.connector) ?? Infinity, record.fetchedAt));
  return [...oldest].map(([connector, fetchedAt]) => ({ connector, fetchedAt }));
}
