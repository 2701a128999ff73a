import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../i18n';

/** ID / EN, kept in this browser; on the login page and in the header. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : currentLanguage()}
      onChange={(value) => void changeLanguage(value as Language)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
      color={dark ? 'sun' : undefined}
      data-testid="language-switch"
    />
  );
}
