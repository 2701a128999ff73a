import i18n from 'i18next';
import { startI18n } from '../../src-ui/i18n/start';
import { en } from './en';
import { id } from './id';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}

/** Before anyone logs in, the last language used on this laptop. */
export const { currentLanguage, changeLanguage } = startI18n({ id: { translation: id }, en: { translation: en } }, 'sma.language');

export default i18n;
