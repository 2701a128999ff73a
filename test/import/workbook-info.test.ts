import { describe, expect, it } from 'vitest';
import { workbookInfo } from '../../src-main/import/read/zip-guard';

describe('workbookInfo', () => {
  it('reads sheet names in order, unescaped, and the 1904 date system', () => {
    const xml =
      '<workbook xmlns="x"><workbookPr date1904="1"/><sheets><sheet name="Data &amp; Rekap" sheetId="1" r:id="rId1"/><sheet name="Petunjuk" sheetId="2"/></sheets></workbook>';
    expect(workbookInfo(xml)).toEqual({ sheets: ['Data & Rekap', 'Petunjuk'], date1904: true });
    expect(workbookInfo('<x:workbook><x:sheets><x:sheet name="S1"/></x:sheets></x:workbook>')).toEqual({ sheets: ['S1'], date1904: false });
  });
});
