import { parseDisplayedNumber } from '../../metrics/parse-number';
import { send } from '../../protocol/client';
import { robustSelector } from './selector';

/**
 * The number picker, injected into the current tab only when the user asks (activeTab).
 * Hover highlights elements that show one number; click asks for a name; Esc cancels.
 * Its UI lives in a closed shadow root: the page's styles cannot reach it, and the page's scripts
 * cannot read which number the user picks, the name typed, or what the extension answers.
 */
const HOST_ID = 'customer-view-number-picker';
/**
 * The picker showing now, kept in this isolated world where the page cannot reach it (checking
 * for an element with our id would let the page stop the picker by planting one).
 */
const state = globalThis as { customerViewPicker?: { host: Element; stop: () => void } };

const TYPING_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'copy', 'cut'];

function numberElementAt(x: number, y: number, host: Element): Element | null {
  for (const element of document.elementsFromPoint(x, y)) {
    if (element === host || host.contains(element)) continue;
    const text = element.textContent?.trim() ?? '';
    if (text.length <= 40 && parseDisplayedNumber(text)) return element;
  }
  return null;
}

/** A name suggestion: the nearest label-like text before the number. */
function suggestLabel(element: Element): string {
  for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
    const label = node.getAttribute('aria-label') ?? node.previousElementSibling?.textContent ?? '';
    const clean = label.trim().replace(/\s+/g, ' ');
    if (clean && !parseDisplayedNumber(clean) && clean.length < 60) return clean;
  }
  return document.title.slice(0, 60);
}

function start(): void {
  if (state.customerViewPicker?.host.isConnected) return;
  state.customerViewPicker?.stop(); // the page removed it: drop its listeners too
  const host = document.createElement('div');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    .box{position:fixed;pointer-events:none;border:2px solid #0b5cad;background:rgba(11,92,173,.12);border-radius:3px;z-index:2147483647}
    .bar{position:fixed;top:12px;left:50%;transform:translateX(-50%);z-index:2147483647;background:#1b1f24;color:#fff;font:14px system-ui,sans-serif;padding:10px 14px;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);display:flex;gap:8px;align-items:center}
    input{font:inherit;padding:4px 6px;border-radius:4px;border:0;min-width:220px}
    button{font:inherit;border:0;border-radius:4px;padding:4px 10px;background:#6cb6ff;color:#0b1a2b;cursor:pointer}
    button.secondary{background:transparent;color:#fff;text-decoration:underline}`;
  const box = document.createElement('div');
  box.className = 'box';
  box.hidden = true;
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', 'Pin a number');
  bar.textContent = 'Click the number to pin. Esc cancels.';
  root.append(style, box, bar);
  // Key and input events are composed: from the name's input they would reach the page's
  // listeners (document, window) with every key typed. They end at the shadow root.
  for (const type of TYPING_EVENTS) root.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);

  let current: Element | null = null;
  const stop = () => {
    removeEventListener('mousemove', onMove, true);
    removeEventListener('click', onClick, true);
    removeEventListener('keydown', onKey, true);
    host.remove();
    if (state.customerViewPicker?.host === host) state.customerViewPicker = undefined;
  };
  state.customerViewPicker = { host, stop };
  const onMove = (event: MouseEvent) => {
    current = numberElementAt(event.clientX, event.clientY, host);
    box.hidden = !current;
    if (!current) return;
    const r = current.getBoundingClientRect();
    Object.assign(box.style, { left: `${r.left - 2}px`, top: `${r.top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') stop();
  };
  const onClick = (event: MouseEvent) => {
    const target = numberElementAt(event.clientX, event.clientY, host);
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    removeEventListener('mousemove', onMove, true);
    removeEventListener('click', onClick, true);
    askForName(target);
  };
  const askForName = (target: Element) => {
    bar.replaceChildren();
    const form = document.createElement('form');
    form.style.display = 'contents';
    const input = document.createElement('input');
    input.value = suggestLabel(target);
    input.setAttribute('aria-label', 'Name of this number');
    input.required = true;
    const save = document.createElement('button');
    save.type = 'submit';
    save.textContent = 'Pin';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary';
    cancel.textContent = 'Cancel';
    cancel.onclick = stop;
    form.append(`Pin “${target.textContent?.trim()}” as`, input, save, cancel);
    form.onsubmit = (event) => {
      event.preventDefault();
      void send('picker→background:pin', { label: input.value.trim().slice(0, 80), selector: robustSelector(target), text: target.textContent?.trim() ?? '' }).then((reply) => {
        bar.replaceChildren(reply.ok ? 'Pinned. Open Customer view → Metrics to see it.' : reply.error.message);
        setTimeout(stop, 2500);
      });
    };
    bar.append(form);
    input.focus();
    input.select();
  };
  addEventListener('mousemove', onMove, true);
  addEventListener('click', onClick, true);
  addEventListener('keydown', onKey, true);
}

start();
