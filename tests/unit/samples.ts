import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared vendor corpus sits beside the repository (../shared/vendor-samples). */
export const SAMPLES_DIR = resolve(import.meta.dirname, '../../../shared/vendor-samples');

export function sampleFiles(vendor: string): string[] {
  return readdirSync(resolve(SAMPLES_DIR, vendor)).filter((file) => file.endsWith('.json'));
}

export function readSample(vendor: string, file: string): unknown {
  return JSON.parse(readFileSync(resolve(SAMPLES_DIR, vendor, file), 'utf8'));
}
