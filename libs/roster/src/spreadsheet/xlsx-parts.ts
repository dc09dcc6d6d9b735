import { inflateRawSync } from 'node:zlib';
import { LIMIT_MESSAGES, MAX_XLSX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, SheetLimitError } from './sheet-limits.js';

/** A zip the reader cannot make sense of (not a bad limit): reported as an unreadable workbook. */
export class BadZipError extends Error {}

interface Part {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const WANTED = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/sheet(\d+)\.xml)$/;

/** The central directory's entries: names and declared sizes, read without inflating anything. */
function directory(zip: Buffer): Part[] {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new BadZipError('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  if (count > MAX_ZIP_ENTRIES) throw new SheetLimitError(LIMIT_MESSAGES.entries());
  const parts: Part[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new BadZipError('broken central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (WANTED.test(name)) {
      // Encrypted parts and ZIP64 sizes are not something a spreadsheet program writes for a list.
      if (zip.readUInt16LE(at + 8) & 1) throw new BadZipError('encrypted');
      parts.push({ name, method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24), localOffset: zip.readUInt32LE(at + 42) });
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** A part's bytes, never more than it declared: a zip bomb that understates its sizes stops at the declared size and is refused. */
function unpack(zip: Buffer, part: Part): Buffer {
  const at = part.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new BadZipError('broken local header');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + part.compressedSize);
  if (part.method === 0) return data;
  if (part.method !== 8) throw new BadZipError('unknown compression');
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, part.size) });
  } catch {
    // Also a part that unpacks to more than it declared: the zip is not what it says.
    throw new BadZipError('bad deflate data');
  }
  if (out.length !== part.size) throw new BadZipError('size mismatch');
  return out;
}

function storedEntry(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x800, 6);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/**
 * The workbook's parts a rooming list needs, checked against their declared sizes before any is
 * inflated, unpacked to at most those sizes, and packed again uncompressed in the order a streaming
 * reader wants (relations, workbook, styles and strings before the sheets: otherwise exceljs parks
 * each sheet in a temporary file). Pictures, charts and the like are never unpacked.
 */
export function repackWorkbook(zip: Buffer): Buffer {
  const parts = directory(zip);
  if (parts.reduce((sum, p) => sum + p.size, 0) > MAX_XLSX_UNPACKED_BYTES) throw new SheetLimitError(LIMIT_MESSAGES.unpacked());
  const rank = (name: string) => {
    const sheet = WANTED.exec(name)?.[2];
    return sheet === undefined ? ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'].indexOf(name) : 10 + Number(sheet);
  };
  parts.sort((a, b) => rank(a.name) - rank(b.name));
  const entries = parts.map((p) => storedEntry(p.name, unpack(zip, p)));
  if (!parts.some((p) => p.name === 'xl/sharedStrings.xml')) {
    const firstSheet = parts.findIndex((p) => rank(p.name) >= 10);
    entries.splice(firstSheet < 0 ? entries.length : firstSheet, 0, storedEntry('xl/sharedStrings.xml', Buffer.from('<sst/>')));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([...entries, end]);
}
