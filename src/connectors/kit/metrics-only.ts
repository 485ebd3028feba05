import { ConnectorError } from '../errors';
import type { Connector } from '../contract';

/**
 * The record side of a tool that holds numbers, not people (analytics and ads): opening a record
 * says where its numbers are, lookups find nobody and a sync has nothing to page through.
 */
export function noCustomerRecords(label: string, reports: string): Pick<Connector, 'fetchRecord' | 'findByEmail' | 'sync'> {
  return {
    async fetchRecord() {
      throw new ConnectorError('not-found', `${label} has no customer records: it reports ${reports}, not people. Its numbers are on the Metrics page.`);
    },
    async findByEmail() {
      return { records: [] };
    },
    async sync() {
      return { records: [], cursor: null };
    },
  };
}
