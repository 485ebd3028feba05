import { envelopeSchema, messageSchemas, type MessageRequest, type MessageType, type Reply } from './messages';

export interface SenderInfo {
  /** The sending extension's id, if any. */
  id?: string;
  /** URL of the sending frame. */
  url?: string;
  /** Present when the sender is a tab (content script, or one of our pages opened in a tab). */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind = 'extension' | 'content';

/**
 * Who sent this? Our own pages have our origin; our content scripts have our id and a web
 * URL in a tab's top frame. Anything else (another extension, a frame we do not know) is null.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https:\/\//.test(sender.url)) return 'content';
  return null;
}

export type Handlers = {
  [T in MessageType]: (request: MessageRequest<T>, sender: SenderInfo) => Promise<Reply<T>>;
};

/** Validates shape and sender, then hands the typed request to its handler. */
export async function dispatch(
  raw: unknown,
  sender: SenderInfo,
  handlers: Handlers,
  self: { id: string; origin: string },
): Promise<Reply<MessageType>> {
  const envelope = envelopeSchema.safeParse(raw);
  const type = envelope.success ? envelope.data.type : undefined;
  if (!envelope.success || !type || !Object.hasOwn(messageSchemas, type)) return rejected('Unknown message.');
  const spec = messageSchemas[type as MessageType];
  if (classifySender(sender, self.id, self.origin) !== spec.from) return rejected('This sender may not send that message.');
  const request = spec.request.safeParse(envelope.data.request);
  if (!request.success) return rejected('Malformed message.');
  const handler = handlers[type as MessageType] as (request: unknown, sender: SenderInfo) => Promise<Reply<MessageType>>;
  return handler(request.data, sender);
}

function rejected(message: string): Reply<MessageType> {
  return { ok: false, error: { kind: 'rejected', message } };
}
