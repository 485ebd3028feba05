import Papa from 'papaparse';

/**
 * A contact export as spreadsheets save it, to rows of cells: for Options only (imported there
 * on demand, so papaparse is in neither the worker, the panel nor the content script). The worker
 * gets the rows and reads the people from them (import-csv.ts).
 */

/**
 * Bytes to text by what the file says of itself: a UTF-16 byte-order mark (Excel's "Unicode
 * text" and some CRM exports), UTF-8 with or without its mark, and otherwise Windows-1252, which
 * is what Excel writes for "CSV" on a Western European Windows ("Prénom", "Straße").
 */
export function decodeCsvBytes(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/**
 * Rows of cells, the delimiter found from the file: commas, semicolons (Excel where the decimal
 * separator is a comma), tabs (UTF-16 "Unicode text" exports) or pipes. Quoted fields may hold
 * the delimiter, quotes and line breaks; blank lines are dropped.
 */
export function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy' });
  return parsed.data;
}

export async function readCsvFile(file: Blob): Promise<string[][]> {
  return csvRows(decodeCsvBytes(await file.arrayBuffer()));
}
