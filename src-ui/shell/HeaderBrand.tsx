import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';

/**
 * The left of both UIs' headers: the mark, the app's name and, after a slash, where one is (the
 * shop in the app, "Admin console" in the console). The name and slash give way on a narrow window.
 */
export function HeaderBrand({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <BrandMark size={32} />
      <Text fw={700} visibleFrom="md">
        {t('app.name')}
      </Text>
      <Text c="dimmed" visibleFrom="md">
        /
      </Text>
      {children}
    </>
  );
}
