import { Anchor, Badge, Card, Group, List, Skeleton, Table } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminPath } from '../../../../src-shared/cloud/admin-api';
import { catalogueResponse, type CataloguePackage } from '../../../../src-shared/cloud/admin-businesses-api';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { api } from '../../api/client';
import { CodeCell } from '../../components/CodeCell';
import { ErrorState } from '../../components/ErrorState';
import { Money } from '../../../../src-ui/components/Money';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';
import { TitleBlock } from '../../../../src-ui/components/TitleBlock';

const QUOTA_COLOR: Record<CataloguePackage['quotaStatus'], string> = { available: 'teal', limited: 'orange', full: 'red' };
/** Dates as the shop writes them (dd/mm/yyyy); the API sends YYYY-MM-DD. */
const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/**
 * What the shop's WhatsApp assistant answers from: the products its laptop offered, as last pushed.
 * Read-only: a package is edited on the laptop, so the console and the assistant never disagree.
 */
export function CatalogueTab({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const catalogue = useQuery({
    queryKey: ['businesses', businessId, 'catalogue'],
    queryFn: () => api('GET', adminPath('catalogue', { id: businessId }), catalogueResponse),
  });
  if (catalogue.isError) return <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  if (!catalogue.data) return <Skeleton height={200} />;
  const { packages } = catalogue.data;
  return (
    <Card>
      <TitleBlock title={t('business.catalogue.title')} subtitle={t('business.catalogue.subtitle')} order={2} size="h4" gap={4} mb="sm" />
      {packages.length === 0 ? (
        <EmptyList icon={IconPackage} title={t('business.catalogue.emptyTitle')} description={t('business.catalogue.empty')} />
      ) : (
        <ScrollTable
          minWidth={900}
          verticalSpacing={8}
          data-testid="catalogue-table"
          head={
            <>
              <Table.Th>{t('business.catalogue.code')}</Table.Th>
              <Table.Th>{t('business.catalogue.name')}</Table.Th>
              <Table.Th ta="right">{t('business.catalogue.price')}</Table.Th>
              <Table.Th>{t('business.catalogue.dates')}</Table.Th>
              {/* Wide enough for the longest status word: a badge never shows a cut word. */}
              <Table.Th miw={120}>{t('business.catalogue.quota')}</Table.Th>
              <Table.Th>{t('business.catalogue.features')}</Table.Th>
              <Table.Th>{t('business.catalogue.links')}</Table.Th>
            </>
          }
        >
          {packages.map((p) => (
            <Table.Tr key={p.code} data-testid="catalogue-row">
              <CodeCell>{p.code}</CodeCell>
              <Table.Td>{p.name}</Table.Td>
              <FigureCell>
                <Money amount={p.price} />
              </FigureCell>
              <Table.Td>{p.startDate ? `${day(p.startDate)}${p.endDate ? ` – ${day(p.endDate)}` : ''}` : '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={QUOTA_COLOR[p.quotaStatus]}>
                  {t(`business.catalogue.quotaStatus.${p.quotaStatus}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {p.features.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {p.features.map((f) => (
                      <List.Item key={f}>{f}</List.Item>
                    ))}
                  </List>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {p.imageUrl && (
                    <Anchor href={p.imageUrl} target="_blank" rel="noreferrer noopener" size="sm">
                      {t('business.catalogue.image')}
                    </Anchor>
                  )}
                  {p.brochureUrl && (
                    <Anchor href={p.brochureUrl} target="_blank" rel="noreferrer noopener" size="sm">
                      {t('business.catalogue.brochure')}
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
