import { safeHttpUrl } from './format';

/** " · open ↗" into a vendor console, in a new tab; nothing at all for a URL that is not http(s). */
export function ExternalLink({ url }: { url: string }) {
  const link = safeHttpUrl(url);
  if (!link) return null;
  return (
    <>
      {' · '}
      <a href={link} target="_blank" rel="noopener noreferrer">
        open ↗
      </a>
    </>
  );
}
