import { describe, expect, it } from 'vitest';
import { parseCampaignCode, suggestCampaignCode } from '../../src-shared/content/placeholders';

describe('parseCampaignCode', () => {
  it('reads package, month, year and offer type, with Indonesian or English months', () => {
    expect(parseCampaignCode('WINBACK_DES_2026_HEMAT')).toEqual({ pkg: 'WINBACK', month: 12, year: 2026, type: 'HEMAT' });
    expect(parseCampaignCode('umr_mar_2025_hemat')).toEqual({ pkg: 'UMR', month: 3, year: 2025, type: 'HEMAT' });
    expect(parseCampaignCode(' PROMO_AUG_2026_ONGKIR ')).toEqual({ pkg: 'PROMO', month: 8, year: 2026, type: 'ONGKIR' });
    expect(parseCampaignCode('A1_MEI_2024_B2')?.month).toBe(5);
    expect(parseCampaignCode('A1_MAY_2024_B2')?.month).toBe(5);
    expect(parseCampaignCode('A1_OKT_2024_B2')?.month).toBe(10);
    expect(parseCampaignCode('A1_OCT_2024_B2')?.month).toBe(10);
  });

  it('refuses what is not a campaign code', () => {
    for (const code of ['', 'WINBACK DES 2026 HEMAT', 'WINBACK_DESEMBER_2026_HEMAT', 'WINBACK_DES_26_HEMAT', 'WINBACK_DES_2026', 'W_DES_2026_HEMAT'])
      expect(parseCampaignCode(code), code).toBeNull();
  });

  it('reads back every code it suggests', () => {
    for (let month = 0; month < 12; month++) {
      const parts = parseCampaignCode(suggestCampaignCode('at_risk', new Date(2026, month, 15), 'gratis ongkir'));
      expect(parts).toEqual({ pkg: 'BERISIKO', month: month + 1, year: 2026, type: 'ONGKIR' });
    }
  });
});
