import type { MetricSummary } from '../../../store/metrics';
import { connectorLabel } from '../../shared/labels';

export interface MetricGroup {
  key: string;
  /** The tool's name ("HubSpot"), with the account when one tool has two; "Pinned from pages" for pins. */
  label: string;
  summaries: MetricSummary[];
}

/**
 * Metrics under their tool's name, in the order the tools first appear: two tools both report
 * "Open deals", and a flat list left the user guessing whose number was whose.
 */
export function groupByTool(summaries: MetricSummary[]): MetricGroup[] {
  const groups = new Map<string, MetricGroup>();
  const accountsOf = new Map<string, Set<string>>();
  for (const { definition } of summaries) {
    if (definition.source === 'connector' && definition.connector) {
      accountsOf.set(definition.connector, (accountsOf.get(definition.connector) ?? new Set()).add(definition.account ?? ''));
    }
  }
  for (const summary of summaries) {
    const { source, connector, account } = summary.definition;
    const isTool = source === 'connector' && !!connector;
    const key = isTool ? `${connector}:${account ?? ''}` : 'pin';
    let group = groups.get(key);
    if (!group) {
      const twoAccounts = isTool && (accountsOf.get(connector)?.size ?? 0) > 1;
      const label = isTool ? (twoAccounts && account ? `${connectorLabel(connector)} · ${account}` : connectorLabel(connector)) : 'Pinned from pages';
      group = { key, label, summaries: [] };
      groups.set(key, group);
    }
    group.summaries.push(summary);
  }
  return [...groups.values()];
}

/** The tool a metric belongs to, for a board where metrics of several tools sit side by side. */
export function toolOf(summary: MetricSummary): string {
  const { source, connector } = summary.definition;
  return source === 'connector' && connector ? connectorLabel(connector) : 'Pinned';
}
