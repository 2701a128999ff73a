import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from './api/queryClient';
import { ConsoleGate } from './ConsoleGate';
import { cssVariablesResolver, theme } from '../../src-ui/theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'sma-console.color-scheme' });

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" limit={4} />
        <ConsoleGate />
      </QueryClientProvider>
    </MantineProvider>
  );
}
