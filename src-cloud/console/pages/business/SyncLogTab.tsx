import { Badge, Button, Card, Center, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { adminPath, syncLogResponse, type rejectedOpView } from '../../../../src-shared/cloud/admin-api';
import { api } from '../../api/client';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { ErrorState } from '../../components/ErrorState';
import { formatCount, when } from '../../format';

const KIND_COLOR: Record<string, string> = { enrol: 'cyan', push: 'navy', pull: 'gray', snapshot: 'violet', gap: 'orange' };

/** Pushes, pulls and enrolments newest first, a page at a time; then the ops the cloud refused and why. */
export function SyncLogTab({ businessId, rejected }: { businessId: string; rejected: z.infer<typeof rejectedOpView>[] }) {
  const { t } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: ['businesses', businessId, 'sync-log'],
    queryFn: ({ pageParam }) => api('GET', `${adminPath('syncLog', { id: businessId })}?limit=50${pageParam ? `&before=${pageParam}` : ''}`, syncLogResponse),
    initialPageParam: 0,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Card>
        <Title order={2} size="h4" mb="sm">
          {t('business.sync.title')}
        </Title>
        {log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : log.isPending ? (
          <Skeleton height={160} />
        ) : items.length === 0 ? (
          <EmptyList icon={IconRefresh} title={t('business.sync.title')} description={t('business.sync.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={6} data-testid="sync-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('business.sync.at')}</Table.Th>
                  <Table.Th>{t('business.sync.kind')}</Table.Th>
                  <Table.Th ta="right">{t('business.sync.ops')}</Table.Th>
                  <Table.Th ta="right">{t('business.sync.applied')}</Table.Th>
                  <Table.Th ta="right">{t('business.sync.skipped')}</Table.Th>
                  <Table.Th ta="right">{t('business.sync.rejected')}</Table.Th>
                  <Table.Th ta="right">{t('business.sync.duration')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="sync-log-row" data-kind={entry.kind}>
                    <Table.Td className="sma-num">{when(entry.at, '')}</Table.Td>
                    <Table.Td>
                      <Badge color={KIND_COLOR[entry.kind] ?? 'gray'} variant="light" tt="none">
                        {t(`business.sync.kinds.${entry.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" className="sma-num">
                      {formatCount(entry.ops)}
                    </Table.Td>
                    <Table.Td ta="right" className="sma-num">
                      {formatCount(entry.applied)}
                    </Table.Td>
                    <Table.Td ta="right" className="sma-num">
                      {formatCount(entry.skipped)}
                    </Table.Td>
                    <Table.Td ta="right" className="sma-num" c={entry.rejected ? 'red' : undefined}>
                      {formatCount(entry.rejected)}
                    </Table.Td>
                    <Table.Td ta="right" className="sma-num">
                      {entry.durationMs === null ? t('common.none') : `${formatCount(entry.durationMs)} ms`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {log.hasNextPage && (
          <Center mt="sm">
            <Button variant="default" size="xs" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('business.sync.more')}
            </Button>
          </Center>
        )}
      </Card>
      <Card>
        <Title order={2} size="h4" mb="sm">
          {t('business.rejected.title')}
        </Title>
        {rejected.length === 0 ? (
          <EmptyList icon={IconCircleCheck} title={t('business.rejected.title')} description={t('business.rejected.empty')} testId="rejected-empty" />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={6} data-testid="rejected-ops">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('business.rejected.at')}</Table.Th>
                  <Table.Th>{t('business.rejected.entity')}</Table.Th>
                  <Table.Th>{t('business.rejected.id')}</Table.Th>
                  <Table.Th>{t('business.rejected.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.map((op) => (
                  <Table.Tr key={op.id}>
                    <Table.Td className="sma-num">{when(op.at, '')}</Table.Td>
                    <Table.Td>{op.entity}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {op.entityId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{op.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
