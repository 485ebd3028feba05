export interface FactTile {
  id: string;
  label: string;
  value: string | undefined;
}

/** The row of key numbers under a profile or company. */
export function FactTiles({ tiles, label }: { tiles: Array<FactTile | false | undefined | null | 0>; label: string }) {
  return (
    <section class="facts-grid" aria-label={label}>
      {tiles
        .filter((tile): tile is FactTile => !!tile)
        .map((tile) => (
          <div class="fact" key={tile.id} data-testid={`fact-${tile.id}`}>
            <span class="muted">{tile.label}</span>
            <strong>{tile.value}</strong>
          </div>
        ))}
    </section>
  );
}
