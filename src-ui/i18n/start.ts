import dayjs from 'dayjs';
import 'dayjs/locale/id';
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-shared/schemas/auth';
import { pluralFormat } from '../../src-shared/i18n/plural';

/**
 * Starts i18next for one UI with its own catalogue: the language last chosen in this browser
 * (kept under `storageKey`, so the app and the console remember theirs apart), Bahasa Indonesia by
 * default, and the `plural` formatter every string may use.
 */
export function startI18n(resources: Resource, storageKey: string) {
  void i18n.use(initReactI18next).init({
    resources,
    lng: localStorage.getItem(storageKey) === 'en' ? 'en' : 'id',
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
  });
  i18n.services.formatter?.add('plural', pluralFormat);
  dayjs.locale(i18n.language);
  document.documentElement.lang = i18n.language;

  return {
    currentLanguage(): Language {
      return i18n.language === 'en' ? 'en' : 'id';
    },
    async changeLanguage(language: Language): Promise<void> {
      localStorage.setItem(storageKey, language);
      dayjs.locale(language);
      document.documentElement.lang = language;
      if (i18n.language !== language) await i18n.changeLanguage(language);
    },
  };
}
