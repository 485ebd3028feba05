import type { ComponentChildren } from 'preact';
import type { Provenance } from '../../identity/provenance';
import { connectorLabel } from './labels';
import { timeAgo } from './format';
import { useNow } from './use-now';

export interface FactTile {
  id: string;
  label: string;
  value: ComponentChildren;
  /** A second line under the value: when, which status. */
  detail?: ComponentChildren;
  /** The tools the value was computed from, with the oldest read of each. */
  from?: Provenance[];
  /** Spans the whole row (a subject line, a list), where a number tile would be too narrow. */
  wide?: boolean;
}

/** "Stripe · just now": which tools, and how old the stalest of their data is. */
export function provenanceText(from: Provenance[], now: number): string {
  const oldest = Math.min(...from.map((p) => p.fetchedAt));
  return `${from.map((p) => connectorLabel(p.connector)).join(', ')} · ${timeAgo(oldest, now)}`;
}

/** The row of key numbers under a profile or company. */
export function FactTiles({ tiles, label }: { tiles: Array<FactTile | false | undefined | null | 0>; label: string }) {
  const now = useNow();
  return (
    <section class="facts-grid" aria-label={label}>
      {tiles
        .filter((tile): tile is FactTile => !!tile)
        .map((tile) => (
          <div class={tile.wide ? 'fact wide' : 'fact'} key={tile.id} data-testid={`fact-${tile.id}`}>
            <span class="muted">{tile.label}</span>
            {typeof tile.value === 'string' ? <strong>{tile.value}</strong> : <div class="fact-value">{tile.value}</div>}
            {tile.detail && <span class="fact-detail">{tile.detail}</span>}
            {/* Always there, empty or not, so a tile keeps its height when its source arrives. */}
            <span class="muted provenance" data-testid={tile.from?.length ? 'fact-source' : undefined} title={tile.from?.length ? provenanceText(tile.from, now) : undefined}>
              {tile.from?.length ? provenanceText(tile.from, now) : '\u00a0'}
            </span>
          </div>
        ))}
    </section>
  );
}

/** The same grid, with tiles the size of the real ones, while the numbers are computed. */
export function FactTilesSkeleton({ count, label }: { count: number; label: string }) {
  return (
    <section class="facts-grid skeleton" aria-busy="true" aria-label={label}>
      {Array.from({ length: count }, (_, i) => (
        <div class="fact" key={i}>
          <div class="bar" />
          <div class="bar" />
        </div>
      ))}
    </section>
  );
}
