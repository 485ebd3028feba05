// `npm run build`: dist/chrome and dist/firefox.
import { buildExtension } from './lib/build-extension.mjs';

await buildExtension();
console.log('Built dist/chrome and dist/firefox.');
