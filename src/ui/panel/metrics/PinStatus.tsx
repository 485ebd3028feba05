import { useEffect, useState } from 'preact/hooks';
import type { Pin } from '../../../store/schema';
import { hasOriginPermission, requestOriginPermission } from '../../../platform/scripting';
import { send } from '../../../protocol/client';
import { formatDate } from '../../shared/format';

/** Where a pinned number comes from, whether it was found last time, and re-reading on visits. */
export function PinStatus({ pin }: { pin: Pin }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => void hasOriginPermission(pin.origin).then(setGranted), [pin.origin]);
  const host = new URL(pin.origin).host;
  const allow = () =>
    // The permission prompt needs this click; nothing may be awaited before it.
    void requestOriginPermission(pin.origin).then(async (ok) => {
      if (ok) await send('panel→background:enablePinRereads', { origin: pin.origin });
      setGranted(ok);
    });
  return (
    <p class="pin-status">
      {pin.status === 'missing' ? (
        <span class="error-text" role="alert" data-testid="pin-missing">
          Not found on {host} at the last visit ({formatDate(pin.lastSeenAt)}): the page changed, so nothing was recorded. Pin it again.
        </span>
      ) : (
        <span class="muted">Pinned on {host}</span>
      )}
      {granted === false && (
        <button type="button" class="link" onClick={allow} data-testid="allow-rereads">
          Re-read on every visit to {host}
        </button>
      )}
    </p>
  );
}
