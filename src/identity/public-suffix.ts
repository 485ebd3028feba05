import { ICANN_SUFFIX_TRIE } from './data/public-suffixes';

/**
 * The public suffix of a host by the list's rules: the longest matching rule wins, a wildcard
 * (`*.kawasaki.jp`) matches any one label, an exception (`!city.kawasaki.jp`) beats both and
 * gives its own rule less its first label, and an unlisted last label is a suffix by itself.
 */

interface SuffixNode {
  /** A rule ends here (a path-only node, written `label~`, does not). */
  rule: boolean;
  children: Map<string, SuffixNode>;
}

/** Hosting platforms where each customer owns a subdomain (the list's private section, in part). */
const PLATFORM_SUFFIXES = [
  'github.io', 'gitlab.io', 'herokuapp.com', 'vercel.app', 'netlify.app', 'pages.dev', 'web.app', 'firebaseapp.com',
  'azurewebsites.net', 'cloudfront.net', 'myshopify.com', 'wixsite.com', 'blogspot.com', 'wordpress.com', 'substack.com',
];

/** Reads `label{child,child~{…}}` lists. */
function parseTrie(text: string): Map<string, SuffixNode> {
  let at = 0;
  const readChildren = (): Map<string, SuffixNode> => {
    const children = new Map<string, SuffixNode>();
    for (;;) {
      let end = at;
      while (end < text.length && !'{},;'.includes(text[end]!)) end += 1;
      let label = text.slice(at, end);
      const pathOnly = label.endsWith('~');
      if (pathOnly) label = label.slice(0, -1);
      at = end;
      const node: SuffixNode = { rule: !pathOnly, children: new Map() };
      if (text[at] === '{') {
        at += 1;
        node.children = readChildren();
        at += 1; // the closing brace
      }
      children.set(label, node);
      if (text[at] !== ',' && text[at] !== ';') return children;
      at += 1;
    }
  };
  return readChildren();
}

/** Each last label's rules, unparsed: `;` separates them and appears nowhere else. */
let rulesByLastLabel: Map<string, string> | undefined;
const parsed = new Map<string, SuffixNode | undefined>();

/**
 * The rules under one last label, parsed the first time a host ends with it: a woken worker
 * that reads a `.com` address never pays for Japan's 1,800 rules.
 */
function rulesUnder(lastLabel: string): SuffixNode | undefined {
  if (parsed.has(lastLabel)) return parsed.get(lastLabel);
  rulesByLastLabel ??= new Map(ICANN_SUFFIX_TRIE.split(';').map((entry) => [entry.slice(0, entry.search(/[{~]|$/)), entry]));
  const entry = rulesByLastLabel.get(lastLabel);
  const node = entry === undefined ? undefined : parseTrie(entry).get(lastLabel);
  const platforms = PLATFORM_SUFFIXES.filter((platform) => platform.endsWith(`.${lastLabel}`));
  const withPlatforms = platforms.length ? addPlatforms(node ?? { rule: true, children: new Map() }, platforms) : node;
  parsed.set(lastLabel, withPlatforms);
  return withPlatforms;
}

function addPlatforms(top: SuffixNode, platforms: string[]): SuffixNode {
  for (const platform of platforms) {
    let node = top;
    for (const label of platform.split('.').reverse().slice(1)) {
      let child = node.children.get(label);
      if (!child) node.children.set(label, (child = { rule: false, children: new Map() }));
      node = child;
    }
    node.rule = true;
  }
  return top;
}

/** How many labels, from the right, the public suffix of `labels` has (at least 1). */
export function publicSuffixLength(labels: string[]): number {
  let suffixLength = 1;
  let children = rulesUnder(labels.at(-1)!)?.children;
  for (let depth = 2; children && depth <= labels.length; depth += 1) {
    const label = labels[labels.length - depth]!;
    if (children.has(`!${label}`)) return depth - 1;
    const node = children.get(label) ?? children.get('*');
    if (!node) break;
    if (node.rule) suffixLength = depth;
    children = node.children;
  }
  return suffixLength;
}
