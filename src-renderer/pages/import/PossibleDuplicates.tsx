import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { count } from './fields';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

/**
 * Marketplace buyers who may be customers the shop already had (same real phone, or same name in
 * the same city): the import never merges them; the owner links each pair here, or leaves it.
 */
export function PossibleDuplicates() {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can('import.duplicates');
  const list = useApiQuery('import.duplicates', {}, { enabled: allowed });
  const link = useApiMutation('import.linkDuplicate', {
    invalidates: ['import', 'customers', 'transactions'],
    onSuccess: (done) => notifySuccess(t('import.duplicates.linked', { n: count(done.transactions) })),
  });
  const rows = list.data ?? [];
  if (!allowed || rows.length === 0) return null;

  return (
    <Card withBorder padding="md" data-testid="import-duplicates">
      <Stack gap="sm">
        <Title order={4}>{t('import.duplicates.title', { n: rows.length })}</Title>
        <Text size="sm" c="dimmed">
          {t('import.duplicates.intro')}
        </Text>
        <ScrollTable
          minWidth={640}
          verticalSpacing={6}
          fz="sm"
          head={
            <>
              <Table.Th>{t('import.duplicates.buyer')}</Table.Th>
              <Table.Th>{t('import.duplicates.customer')}</Table.Th>
              <Table.Th>{t('import.duplicates.why')}</Table.Th>
              <Table.Th />
            </>
          }
        >
          {rows.map((d) => (
            <Table.Tr key={`${d.marketplace.id}-${d.shop.id}`} data-testid="duplicate-row">
              <Table.Td>
                {d.marketplace.name}{' '}
                <Text span size="xs" c="dimmed">
                  ({d.marketplace.identity}
                  {d.marketplace.city ? `, ${d.marketplace.city}` : ''})
                </Text>
              </Table.Td>
              <Table.Td>
                {d.shop.name}{' '}
                <Text span size="xs" c="dimmed">
                  ({[d.shop.code, d.shop.phone, d.shop.city].filter(Boolean).join(', ')})
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={d.reason === 'phone' ? 'teal' : 'orange'}>
                  {t(`import.duplicates.reason.${d.reason}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconLink size={14} />}
                  loading={link.isPending && link.variables?.marketplaceId === d.marketplace.id}
                  onClick={() => link.mutate({ marketplaceId: d.marketplace.id, shopId: d.shop.id })}
                  data-testid="duplicate-link"
                >
                  {t('import.duplicates.link')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      </Stack>
    </Card>
  );
}
