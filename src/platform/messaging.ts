import { browser } from './browser';

/** Sends one message to the background and returns its answer (rejects if nobody answers). */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export interface RuntimeSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** The background's single message listener; the reply is whatever the handler resolves to. */
export function onRuntimeMessage(handler: (message: unknown, sender: RuntimeSender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: RuntimeSender) => handler(message, sender));
}

/** Our own id and origin, to tell our pages from anyone else. */
export function extensionIdentity(): { id: string; origin: string } {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('') };
}

export function onFirstInstall(listener: () => void): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') listener();
  });
}

/** A content script's listener for the background's messages (only the extension can send them). */
export function onBackgroundMessage(listener: (message: unknown) => void): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    listener(message);
    return undefined;
  });
}
