import type { Provenance } from '../../identity/provenance';
import { connectorLabel } from './labels';
import { timeAgo } from './format';
import { useNow } from './use-now';

export interface FactTile {
  id: string;
  label: string;
  value: string | undefined;
  /** The tools the value was computed from, with the oldest read of each. */
  from?: Provenance[];
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
          <div class="fact" key={tile.id} data-testid={`fact-${tile.id}`}>
            <span class="muted">{tile.label}</span>
            <strong>{tile.value}</strong>
            {tile.from && tile.from.length > 0 && (
              <span class="muted provenance" data-testid="fact-source">
                {provenanceText(tile.from, now)}
              </span>
            )}
          </div>
        ))}
    </section>
  );
}

