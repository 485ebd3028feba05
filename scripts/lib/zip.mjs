// A small zip writer and reader for the store packages. `web-ext build` (and most zip tools)
// stamp each entry with the file's mtime and list files in directory order, so two builds of
// the same source give different bytes; stores ask for a build a reviewer can reproduce.
// Here every entry has one fixed timestamp, entries are sorted by path, no directory entries,
// no extra fields, and each file is deflated at level 9 (stored when that is not smaller).
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const VERSION = 20; // 2.0: deflate, no zip64
const UTF8_NAMES = 0x0800;

/**
 * The time every entry carries: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention)
 * when set, else 1980-01-01 00:00, the earliest time a zip can hold. Read as UTC.
 */
export function packageTime(env = process.env) {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date(Date.UTC(1980, 0, 1));
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(epoch)}`);
  const date = new Date(seconds * 1000);
  // Zip times start at 1980; earlier dates cannot be written.
  return date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date;
}

/** MS-DOS date and time fields (two-second resolution). */
function dosDateTime(date) {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/**
 * @param {Array<{ name: string, data: Buffer }>} files paths with `/` separators
 * @param {{ mtime?: Date }} options
 * @returns {Buffer} the whole archive
 */
export function writeZip(files, { mtime = packageTime() } = {}) {
  const { time, day } = dosDateTime(mtime);
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_NAMES;
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : data;
    const checksum = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, nameBytes, body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_HEADER, 0);
    entry.writeUInt16LE(VERSION, 4); // made by: MS-DOS, so no Unix owner or mode bits are recorded
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(day, 14);
    entry.writeUInt32LE(checksum, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes: all zero
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** Every file under `dir`, named by its path inside it with `/` separators. */
export async function filesOf(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  return Promise.all(files.map(async (path) => ({ name: relative(dir, path).split(sep).join('/'), data: await readFile(path) })));
}

/**
 * Reads an archive through its central directory (what browsers and stores do).
 * @returns {Array<{ name: string, data: Buffer, time: number, day: number }>}
 */
export function readZip(archive) {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('Not a zip archive: no end of central directory');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const files = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`Broken central directory at byte ${at}`);
    const method = archive.readUInt16LE(at + 10);
    const time = archive.readUInt16LE(at + 12);
    const day = archive.readUInt16LE(at + 14);
    const checksum = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const bodyAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const body = archive.subarray(bodyAt, bodyAt + compressedSize);
    const data = method === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
    if (crc32(data) !== checksum) throw new Error(`${name}: checksum mismatch`);
    if (!name.endsWith('/')) files.push({ name, data, time, day });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Unpacks an archive into `dir` (the tests load the package as a store would install it). */
export async function extractZip(archivePath, dir) {
  for (const { name, data } of readZip(await readFile(archivePath))) {
    const target = resolve(dir, name);
    if (!target.startsWith(resolve(dir) + sep)) throw new Error(`${name}: path leaves the archive`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }
}
