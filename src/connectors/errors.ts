import type { z } from '../model/zod-setup';
import type { ConnectorErrorKind } from '../model/health';

/** Every failure a connector reports is one of these, with a message a marketer can act on. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly detail: { status?: number; retryAfterMs?: number; path?: string; object?: string; /** The vendor's own words, credentials already cut out (http.ts). */ vendorMessage?: string } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** Turns a zod failure into a schema error naming the first offending path. */
export function schemaError(vendor: string, object: string, error: z.core.$ZodError): ConnectorError {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
  const reason = issue ? issue.message : 'did not match';
  return new ConnectorError('schema', `${vendor} sent a ${object} we could not read: ${path}: ${reason}`, {
    path,
    object,
  });
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

/** Parses a vendor payload at the boundary, or reports exactly where it did not match. */
export function parseVendorPayload<T extends z.ZodMiniType>(vendor: string, schema: T, value: unknown, object: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw schemaError(vendor, object, result.error);
  return result.data;
}

/**
 * A secondary read (a person's campaign events beside the person): its connector error is kept
 * in `warnings`, for health, and `fallback` stands in, so the main records are still saved.
 * Anything but a connector error is a bug and still throws.
 */
export async function secondaryRead<T>(work: Promise<T>, fallback: T, warnings: ConnectorError[]): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    warnings.push(error);
    return fallback;
  }
}
