import { Button, Card } from '@mantine/core';
import { IconFileImport, IconPlus, IconShoppingBag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../../components/EmptyList';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';

/** A shop without sales yet: the figures would all be zero, so say where they come from instead. */
export function DashboardEmpty() {
  const { t } = useTranslation();
  const canImport = useCan()('import.commit');
  return (
    <Card>
      <EmptyList
        icon={IconShoppingBag}
        title={t('dashboard.emptyTitle')}
        description={canImport ? t('dashboard.emptyText') : t('dashboard.emptyTextStaff')}
        testId="dashboard-empty"
        actions={
          <>
            {canImport && (
              <Button
                color="sun.5"
                c="navy.9"
                leftSection={<IconFileImport size={16} />}
                onClick={() => navigate('import')}
                data-testid="dashboard-empty-import"
              >
                {t('dashboard.emptyImport')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => navigate('transactions')} data-testid="dashboard-empty-add">
              {t('dashboard.emptyAdd')}
            </Button>
          </>
        }
      />
    </Card>
  );
}
