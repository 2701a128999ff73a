import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a crafted zip: its real bytes, or a deflate stream made elsewhere with its real size. */
export interface CraftedEntry {
  name: string;
  data?: Buffer;
  deflated?: { body: Buffer; size: number; crc: number };
  /** The uncompressed size its headers claim, if not the real one. */
  claimedSize?: number;
  /** The compressed size the central directory claims, if not the real one (the local header tells the truth). */
  claimedCompressed?: number;
  /** Left out of the central directory: a local entry only a streaming reader meets. */
  hidden?: boolean;
}

/**
 * A deflate stream of `mb` MiB of spaces made of one compressed MiB repeated: a full flush ends
 * each copy on a byte boundary with no reference back, so copies join into one valid stream. A
 * gigabyte costs a megabyte of file and no time to make.
 */
export function spaces(mb: number): { body: Buffer; size: number; crc: number } {
  const mib = Buffer.alloc(1 << 20, 0x20);
  const block = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const body = Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < Math.min(mb, 64); i++) crc = crc32(mib, crc); // only a CRC of the right form: nothing checks it before inflating
  return { body, size: mb * (1 << 20), crc };
}

/** A zip whose local headers and central directory say what the entries ask (lies included). */
export function craftZip(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflated = entry.deflated ?? (entry.data ? { body: deflateRawSync(entry.data), size: entry.data.length, crc: crc32(entry.data) } : null);
    if (!deflated) throw new Error(`entry ${entry.name} has no content`);
    const size = Math.min(entry.claimedSize ?? deflated.size, 0xffffffff);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.crc, 14);
    local.writeUInt32LE(deflated.body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    if (!entry.hidden) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(deflated.crc, 16);
      central.writeUInt32LE(entry.claimedCompressed ?? deflated.body.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
    }
    locals.push(local, name, deflated.body);
    offset += local.length + name.length + deflated.body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  const listed = entries.filter((e) => !e.hidden).length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);

/** The parts of a workbook of one sheet, Sheet1, holding a header and one customer. */
export function workbookParts(): CraftedEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: xml(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>No HP</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ani</t></is></c><c r="B2" t="inlineStr"><is><t>081211110001</t></is></c></row></sheetData></worksheet>',
      ),
    },
  ];
}

/** 2 MB of file: a hidden local entry, before the listed ones, that inflates to `mb` MiB. */
export function hiddenEntryBomb(mb: number): Buffer {
  return craftZip([{ name: 'xl/worksheets/sheet2.xml', deflated: spaces(mb), hidden: true }, ...workbookParts()]);
}

/** The sheet inflates to `mb` MiB while both its headers say 2 KB. */
export function lyingSizesBomb(mb: number): Buffer {
  const parts = workbookParts().filter((p) => p.name !== 'xl/worksheets/sheet1.xml');
  return craftZip([...parts, { name: 'xl/worksheets/sheet1.xml', deflated: spaces(mb), claimedSize: 2048 }]);
}

/** Headers that claim a ratio of 200, the most taken (a 2 MB sheet of 400 MB), for a sheet that
 * inflates a thousand-fold, to `mb` MiB. */
export function lyingRatioBomb(mb: number): Buffer {
  const parts = workbookParts().filter((p) => p.name !== 'xl/worksheets/sheet1.xml');
  const sheet = spaces(mb);
  return craftZip([...parts, { name: 'xl/worksheets/sheet1.xml', deflated: sheet, claimedSize: sheet.body.length * 200 }]);
}

/** A directory claiming the sheet's compressed bytes are ten times the whole file. */
export function lyingCompressedBomb(mb: number): Buffer {
  const parts = workbookParts().filter((p) => p.name !== 'xl/worksheets/sheet1.xml');
  const sheet = spaces(mb);
  return craftZip([
    ...parts,
    { name: 'xl/worksheets/sheet1.xml', deflated: sheet, claimedSize: sheet.body.length * 100, claimedCompressed: sheet.body.length * 10 },
  ]);
}
