import { sendRuntimeMessage } from '../platform/messaging';
import type { MessageRequest, MessageType, Reply } from './messages';

/** Typed send to the background. A dead or restarting worker becomes an error reply, not a throw. */
export async function send<T extends MessageType>(type: T, request: MessageRequest<T>): Promise<Reply<T>> {
  try {
    const reply = (await sendRuntimeMessage({ type, request })) as Reply<T> | undefined;
    return reply ?? { ok: false, error: { kind: 'internal', message: 'The extension did not answer. Try again.' } };
  } catch (error) {
    return { ok: false, error: { kind: 'internal', message: `The extension did not answer (${String(error)}). Try again.` } };
  }
}
