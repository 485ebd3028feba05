// The public suffix list's rules as tldts packs them (a flat trie of typed arrays), read back
// as dotted names: the generator of src/identity/data and the reference test both start here.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** ICANN = 1, PRIVATE = 2 in tldts' node flags. */
async function rulesWithFlag(flag) {
  const trieFile = resolve(dirname(require.resolve('tldts/package.json')), 'dist/es6/src/data/trie.js');
  const { nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot } = await import(trieFile);
  const offsets = [];
  for (let edge = 0, offset = 0; edge < edgeLength.length; offset += edgeLength[edge], edge += 1) offsets.push(offset);
  const collect = (start) => {
    const names = [];
    const walk = (node, suffix) => {
      for (let edge = edgeStart[node]; edge < edgeStart[node + 1]; edge += 1) {
        const label = labelText.slice(offsets[edge], offsets[edge] + edgeLength[edge]);
        const name = suffix ? `${label}.${suffix}` : label;
        if (nodeFlags[edgeChild[edge]] & flag) names.push(name);
        walk(edgeChild[edge], name);
      }
    };
    walk(start, '');
    return names;
  };
  // Hosts reach the normalisers as URL hostnames, so IDN rules are needed in punycode only.
  const ascii = (name) => /^[\x21-\x7e]+$/.test(name);
  return { rules: collect(rulesRoot).filter(ascii), exceptions: collect(exceptionsRoot).filter(ascii) };
}

/** Every ICANN rule and exception (`city.kawasaki.jp` for `!city.kawasaki.jp`). */
export const icannRules = () => rulesWithFlag(1);
