import { Stack, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHURN_BANDS, SEGMENT_IDS, type ChurnBand, type SegmentId } from '../../../src-shared/rfm/rules';
import type { RfmMemberRow } from '../../../src-shared/schemas/rfm';
import { useApiListQuery, useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { navigate } from '../../router';
import { MemberFilters, type MemberFilterValues } from './MemberFilters';
import { SegmentHeader } from './SegmentHeader';
import { SegmentStats } from './SegmentStats';
import { MEMBER_HIDDEN_BY_DEFAULT, memberColumns } from './memberColumns';
import { useRefreshAfterRfmRuns } from './runStore';

type SortField =
  | 'name'
  | 'recency_days'
  | 'frequency'
  | 'monetary'
  | 'r_score'
  | 'f_score'
  | 'm_score'
  | 'last_purchase'
  | 'avg_order_value'
  | 'clv'
  | 'churn_ratio'
  | 'p_alive'
  | 'clv_fitted';

const whole = new Intl.NumberFormat('id-ID');
const score = (value: string | null) => (value && /^[1-5]$/.test(value) ? Number(value) : null);
const churnBandOf = (value: string | null) => ((CHURN_BANDS as readonly string[]).includes(value ?? '') ? (value as ChurnBand) : null);

export function isSegmentId(value: string | undefined): value is SegmentId {
  return (SEGMENT_IDS as readonly string[]).includes(value ?? '');
}

/** `#/rfm/segment/<id>?runId=…&r=…&f=…`: one segment's customers; the grid passes its cell's R and F. */
export function SegmentPage({ segment, query }: { segment: SegmentId; query: URLSearchParams }) {
  const { t } = useTranslation();
  useRefreshAfterRfmRuns();
  const runId = query.get('runId') ?? undefined;
  const table = useServerTable('rfm-members', { field: 'monetary', desc: true }, MEMBER_HIDDEN_BY_DEFAULT);
  const [filters, setFilters] = useState<MemberFilterValues>({
    search: '',
    r: score(query.get('r')),
    f: score(query.get('f')),
    m: score(query.get('m')),
    churnBand: churnBandOf(query.get('churn')),
  });
  const summary = useApiQuery('rfm.summary', { runId });
  const listFilters = {
    runId,
    search: filters.search || undefined,
    r: filters.r ?? undefined,
    f: filters.f ?? undefined,
    m: filters.m ?? undefined,
    churnBand: filters.churnBand ?? undefined,
    sort: table.sort.field as SortField,
    desc: table.sort.desc,
  };
  const list = useApiListQuery('rfm.members', { ...listFilters, segment, page: table.page, pageSize: table.pageSize });
  const columns = useMemo(() => memberColumns(t), [t]);
  const row = summary.data?.segments.find((s) => s.segment === segment);
  const run = summary.data?.run;
  const filtered = Boolean(filters.search || filters.r || filters.f || filters.m || filters.churnBand);

  return (
    <Stack gap="lg">
      <SegmentHeader segment={segment} runId={runId} run={run} row={row}>
        <ExportButton report={`segment:${segment}`} filters={listFilters} listColumns={columns.map((c) => c.id as string)} visibility={table.shownVisibility} />
      </SegmentHeader>

      <SegmentStats segment={segment} row={row} />

      <Stack gap="md">
        <MemberFilters
          value={filters}
          onChange={(patch) => {
            setFilters((previous) => ({ ...previous, ...patch }));
            table.resetPage();
          }}
        >
          <Text size="sm" c="dimmed" ml="auto">
            <Text span fw={700} c="var(--mantine-color-text)" className="sma-num" data-testid="members-total">
              {whole.format(list.data?.total ?? 0)}
            </Text>{' '}
            {t('customers.total')}
          </Text>
        </MemberFilters>
        <DataTable<RfmMemberRow>
          columns={columns}
          list={list}
          state={table}
          getRowId={(member) => member.customerId}
          onRowClick={(member) => navigate('customers', member.customerId)}
          testId="members-table"
          rowTestId="member-row"
          empty={
            <EmptyList
              icon={IconUserSearch}
              title={filtered ? t('customers.noMatchTitle') : t('segmentPage.emptyTitle')}
              description={filtered ? t('customers.noMatchText') : t('segmentPage.emptyText')}
              testId="members-empty"
            />
          }
        />
      </Stack>
    </Stack>
  );
}
