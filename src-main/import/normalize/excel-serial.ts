/**
 * Excel serial day numbers. The 1900 system copies Lotus 1-2-3's bug of a 29 February 1900,
 * so serial 60 names a day that never existed and later serials are shifted by one.
 */

const DAY_MS = 86_400_000;
export const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  // A fraction is the time of day; the calendar date is the whole part.
  const day = Math.floor(serial);
  if (day > MAX_EXCEL_SERIAL) return null;
  let epoch: number;
  if (date1904) {
    if (day < 0) return null;
    epoch = Date.UTC(1904, 0, 1);
  } else {
    if (day < 1 || day === 60) return null;
    epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  }
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}
