import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppGate } from './AppGate';
import { createQueryClient } from './api/queryClient';
import { cssVariablesResolver, theme } from '../src-ui/theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'sma.color-scheme' });

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="bottom-right" limit={4} />
          <AppGate />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
