import '../model/zod-setup';
import { browser } from '../platform/browser';
import { openPanelOnToolbarClick } from '../platform/side-panel';
import { dispatch, type SenderInfo } from '../protocol/server';
import { handlers } from './handlers';

// Registered synchronously at start-up: a worker woken by a message must find its listener.
openPanelOnToolbarClick();

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => dispatch(message, sender, handlers, self));
