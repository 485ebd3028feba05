/**
 * A selector that finds the same element on the next visit: a stable test id, label or id
 * where there is one, else nth-of-type steps up to such an anchor. Generated class names and
 * ids with long digit or hex runs are avoided, because consoles regenerate them.
 */
const STABLE = /^[a-zA-Z][\w-]*$/;
const LOOKS_GENERATED = /\d{3,}|[a-f0-9]{6,}|^(css|sc|jsx|emotion)-/i;

function stableAttribute(element: Element): string | null {
  for (const name of ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'aria-label', 'name']) {
    const value = element.getAttribute(name);
    if (value && value.length < 80 && !LOOKS_GENERATED.test(value)) return `[${name}="${CSS.escape(value)}"]`;
  }
  if (element.id && STABLE.test(element.id) && !LOOKS_GENERATED.test(element.id)) return `#${CSS.escape(element.id)}`;
  return null;
}

function step(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const parent = element.parentElement;
  if (!parent) return tag;
  const siblings = [...parent.children].filter((child) => child.tagName === element.tagName);
  return siblings.length > 1 ? `${tag}:nth-of-type(${siblings.indexOf(element) + 1})` : tag;
}

export function robustSelector(target: Element): string {
  const steps: string[] = [];
  for (let element: Element | null = target; element && element !== document.documentElement; element = element.parentElement) {
    const anchor = stableAttribute(element);
    steps.unshift(anchor ?? step(element));
    const selector = steps.join(' > ');
    // Stop climbing as soon as the path finds exactly this element.
    if (anchor && document.querySelectorAll(selector).length === 1 && document.querySelector(selector) === target) return selector;
  }
  return steps.join(' > ');
}
