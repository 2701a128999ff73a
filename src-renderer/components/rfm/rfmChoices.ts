import type { TFunction } from 'i18next';
import type { RfmMethod } from '../../../src-shared/rfm/rules';

/** Which sales an RFM run reads: all of them, or only the last so many months. */
export type WindowChoice = 'all' | 'months';

/** The run form and the settings offer the same two methods and the same two windows, in these words. */
export const methodOptions = (t: TFunction): Record<RfmMethod, string> => ({ fixed: t('rfm.method.fixed'), quintile: t('rfm.method.quintile') });
export const windowOptions = (t: TFunction): Record<WindowChoice, string> => ({ all: t('rfm.window.all'), months: t('rfm.window.last') });
