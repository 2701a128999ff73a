import { Button, Card, Center, Code, Skeleton, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS, auditResponse } from '../../../src-shared/cloud/admin-api';
import { api } from '../api/client';
import { EmptyList } from '../../../src-renderer/components/EmptyList';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../../../src-renderer/components/PageHeader';
import { when } from '../format';
import { linkClick } from '../router';
import { useBusinesses } from './BusinessesPage';

/** Every admin action and sign-in, newest first, a page at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => api('GET', `${ADMIN_PATHS.audit}?limit=50${pageParam ? `&before=${pageParam}` : ''}`, auditResponse),
    initialPageParam: 0,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  // Entries carry the shop's id; its name comes from the list the console already holds.
  const businesses = useBusinesses();
  const names = useMemo(() => new Map((businesses.data?.businesses ?? []).map((b) => [b.id, b.name])), [businesses.data]);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        {log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : log.isPending ? (
          <Skeleton height={240} />
        ) : items.length === 0 ? (
          <EmptyList icon={IconHistory} title={t('audit.title')} description={t('audit.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={6} data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.admin')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.business')}</Table.Th>
                  <Table.Th>{t('audit.details')}</Table.Th>
                  <Table.Th>{t('audit.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                    <Table.Td className="sma-num">{when(entry.at, '')}</Table.Td>
                    <Table.Td>{entry.adminUsername ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <Code>{entry.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      {entry.businessId ? (
                        <a href={`/businesses/${entry.businessId}`} onClick={linkClick(`/businesses/${entry.businessId}`)}>
                          {names.get(entry.businessId) ?? entry.businessId.slice(0, 8)}
                        </a>
                      ) : (
                        t('common.none')
                      )}
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="xs" ff="monospace" lineClamp={2} title={JSON.stringify(entry.details)}>
                        {Object.keys(entry.details).length ? JSON.stringify(entry.details) : t('common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{entry.ip ?? t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {log.hasNextPage && (
          <Center mt="sm">
            <Button variant="default" size="xs" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('audit.more')}
            </Button>
          </Center>
        )}
      </Card>
    </>
  );
}
