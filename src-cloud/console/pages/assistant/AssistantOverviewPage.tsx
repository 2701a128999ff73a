import { Alert, Badge, Card, Skeleton, Table, Text } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { PageHeader } from '../../../../src-renderer/components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { Money } from '../../../../src-ui/components/Money';
import { ago, formatCount, when } from '../../format';
import { linkClick } from '../../router';
import { NO_TRUNCATE } from './labels';
import { notOnServer, useOverview } from './queries';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';

/** Every shop using the assistant, those with customers waiting for a person first. */
export function AssistantOverviewPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const shops = overview.data?.shops ?? [];
  return (
    <>
      <PageHeader title={t('assistant.title')} subtitle={t('assistant.subtitle')} />
      <Card>
        {overview.isError ? (
          notOnServer(overview.error) ? (
            <Alert color="gray" variant="light">
              {t('assistant.notOnServer')}
            </Alert>
          ) : (
            <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
          )
        ) : overview.isPending ? (
          <Skeleton height={200} />
        ) : shops.length === 0 ? (
          <EmptyList icon={IconBrandWhatsapp} title={t('assistant.title')} description={t('assistant.overview.empty')} />
        ) : (
          <ScrollTable
            minWidth={900}
            verticalSpacing={6}
            highlightOnHover
            data-testid="assistant-overview"
            head={
              <>
                <Table.Th>{t('assistant.overview.shop')}</Table.Th>
                <Table.Th>{t('assistant.overview.status')}</Table.Th>
                <Table.Th ta="right">{t('assistant.overview.open')}</Table.Th>
                <Table.Th>{t('assistant.overview.oldest')}</Table.Th>
                <Table.Th ta="right">{t('assistant.overview.conversations')}</Table.Th>
                <Table.Th ta="right">{t('assistant.overview.bookings')}</Table.Th>
                <Table.Th>{t('assistant.overview.last')}</Table.Th>
                <Table.Th ta="right">{t('assistant.overview.cost')}</Table.Th>
              </>
            }
          >
            {shops.map((s) => {
              const path = `/businesses/${s.businessId}?tab=assistant&view=${s.openHandovers > 0 ? 'handovers' : 'conversations'}`;
              return (
                <Table.Tr key={s.businessId} data-testid="overview-row" data-name={s.name}>
                  <Table.Td>
                    <a href={path} onClick={linkClick(path)}>
                      {s.name}
                    </a>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.enabled ? 'teal' : 'gray'} variant="light" style={NO_TRUNCATE}>
                      {s.enabled ? t('assistant.overview.on') : t('assistant.overview.off')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.openHandovers > 0 ? (
                      <Badge color="orange" data-testid="overview-open">
                        {formatCount(s.openHandovers)}
                      </Badge>
                    ) : (
                      <Text span c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td title={when(s.oldestOpenAt, '')}>{s.oldestOpenAt ? ago(s.oldestOpenAt, '') : t('common.none')}</Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {formatCount(s.conversations)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {formatCount(s.bookings)}
                  </Table.Td>
                  <Table.Td>{ago(s.lastMessageAt, t('common.none'))}</Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    <Money amount={Math.round(s.cost)} />
                    {s.quota !== null && (
                      <Text span c="dimmed">
                        {' / '}
                        <Money amount={s.quota} />
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </ScrollTable>
        )}
      </Card>
    </>
  );
}
