import { Tabs } from '@mantine/core';
import { IconFileImport, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router';
import { useUser } from '../../session/context';
import { useCan } from '../../session/usePermission';
import { HistoryTab } from './HistoryTab';
import { ImportWizard } from './ImportWizard';
import { StaffImportNote } from './StaffImportNote';
import { ensureUser } from './wizardStore';

/** `#/import` (the wizard) and `#/import/history`. Imports are for owners and managers. */
export function ImportPage({ tab }: { tab: string | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const user = useUser();
  ensureUser(user.id);
  const active = tab === 'history' ? 'history' : 'wizard';

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      {can('import.inspect') ? (
        <Tabs value={active} onChange={(value) => navigate(...(value === 'history' ? ['import', 'history'] : ['import']))} keepMounted={false}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="wizard" leftSection={<IconFileImport size={16} />} data-testid="import-tab-wizard">
              {t('import.tabWizard')}
            </Tabs.Tab>
            {can('import.history') && (
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="import-tab-history">
                {t('import.tabHistory')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="wizard">
            <ImportWizard />
          </Tabs.Panel>
          {can('import.history') && (
            <Tabs.Panel value="history">
              <HistoryTab />
            </Tabs.Panel>
          )}
        </Tabs>
      ) : (
        <StaffImportNote />
      )}
    </>
  );
}
