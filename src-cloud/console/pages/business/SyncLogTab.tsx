import { Badge, Stack, Table } from '@mantine/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { adminPath } from '../../../../src-shared/cloud/admin-api';
import { syncLogResponse, type rejectedOpView } from '../../../../src-shared/cloud/admin-businesses-api';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { CodeCell } from '../../components/CodeCell';
import { PagedList, usePagedList } from '../../components/PagedList';
import { formatCount, when } from '../../format';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';
import { TitledCard } from '../../components/TitledCard';

const KIND_COLOR: Record<string, string> = { enrol: 'cyan', push: 'navy', pull: 'gray', snapshot: 'violet', gap: 'orange' };

/** Pushes, pulls and enrolments newest first, a page at a time; then the ops the cloud refused and why. */
export function SyncLogTab({ businessId, rejected }: { businessId: string; rejected: z.infer<typeof rejectedOpView>[] }) {
  const { t } = useTranslation();
  const log = usePagedList(['businesses', businessId, 'sync-log'], adminPath('syncLog', { id: businessId }), syncLogResponse);

  return (
    <Stack gap="lg">
      <TitledCard title={t('business.sync.title')}>
        <PagedList
          list={log}
          skeletonHeight={160}
          empty={<EmptyList icon={IconRefresh} title={t('business.sync.title')} description={t('business.sync.empty')} />}
          moreLabel={t('business.sync.more')}
        >
          <ScrollTable
            minWidth={760}
            verticalSpacing={6}
            data-testid="sync-log"
            columns={(['at', 'kind', 'ops', 'applied', 'skipped', 'rejected', 'duration'] as const).map((column) => t(`business.sync.${column}`))}
            figuresFrom={2}
          >
            {log.items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="sync-log-row" data-kind={entry.kind}>
                <Table.Td className="sma-num">{when(entry.at, '')}</Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLOR[entry.kind] ?? 'gray'} variant="light" tt="none">
                    {t(`business.sync.kinds.${entry.kind}`)}
                  </Badge>
                </Table.Td>
                <FigureCell>{formatCount(entry.ops)}</FigureCell>
                <FigureCell>{formatCount(entry.applied)}</FigureCell>
                <FigureCell>{formatCount(entry.skipped)}</FigureCell>
                <Table.Td ta="right" className="sma-num" c={entry.rejected ? 'red' : undefined}>
                  {formatCount(entry.rejected)}
                </Table.Td>
                <FigureCell>{entry.durationMs === null ? t('common.none') : `${formatCount(entry.durationMs)} ms`}</FigureCell>
              </Table.Tr>
            ))}
          </ScrollTable>
        </PagedList>
      </TitledCard>
      <TitledCard title={t('business.rejected.title')}>
        {rejected.length === 0 ? (
          <EmptyList icon={IconCircleCheck} title={t('business.rejected.title')} description={t('business.rejected.empty')} testId="rejected-empty" />
        ) : (
          <ScrollTable
            minWidth={760}
            verticalSpacing={6}
            data-testid="rejected-ops"
            columns={[t('business.rejected.at'), t('business.rejected.entity'), t('business.rejected.id'), t('business.rejected.reason')]}
          >
            {rejected.map((op) => (
              <Table.Tr key={op.id}>
                <Table.Td className="sma-num">{when(op.at, '')}</Table.Td>
                <Table.Td>{op.entity}</Table.Td>
                <CodeCell size="xs">{op.entityId}</CodeCell>
                <Table.Td>{op.reason}</Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
        )}
      </TitledCard>
    </Stack>
  );
}
