import { Anchor, Button, Card, ColorSwatch, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBulb, IconCash, IconReceipt, IconSend, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { CHURN_BANDS, SEGMENT_IDS, type ChurnBand, type SegmentId } from '../../../src-shared/rfm/rules';
import { segmentVerdict } from '../../../src-shared/rfm/verdict';
import type { RfmMemberRow } from '../../../src-shared/schemas/rfm';
import { useApiListQuery, useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { SEGMENT_COLOR } from '../../../src-ui/rfm/segmentStyle';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { StatCard } from '../../../src-ui/components/StatCard';
import { useRupiahShort } from '../../../src-ui/components/useRupiahShort';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { hrefWith, navigate } from '../../router';
import { MemberFilters, type MemberFilterValues } from './MemberFilters';
import { MEMBER_HIDDEN_BY_DEFAULT, memberColumns } from './memberColumns';
import { useRefreshAfterRfmRuns } from './runStore';

type SortField = 'name' | 'recency_days' | 'frequency' | 'monetary' | 'r_score' | 'f_score' | 'm_score' | 'last_purchase' | 'avg_order_value' | 'clv' | 'churn_ratio' | 'p_alive' | 'clv_fitted';

const whole = new Intl.NumberFormat('id-ID');
const one = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const score = (value: string | null) => (value && /^[1-5]$/.test(value) ? Number(value) : null);
const churnBandOf = (value: string | null) => ((CHURN_BANDS as readonly string[]).includes(value ?? '') ? (value as ChurnBand) : null);

export function isSegmentId(value: string | undefined): value is SegmentId {
  return (SEGMENT_IDS as readonly string[]).includes(value ?? '');
}

/** `#/rfm/segment/<id>?runId=…&r=…&f=…`: one segment's customers; the grid passes its cell's R and F. */
export function SegmentPage({ segment, query }: { segment: SegmentId; query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  useRefreshAfterRfmRuns();
  const text = useSegmentText();
  const rupiahShort = useRupiahShort();
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
      <Stack gap={6}>
        <Anchor href={hrefWith({ runId }, 'rfm')} size="sm" c="dimmed" data-testid="segment-back">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('segmentPage.back')}
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <Stack gap={4}>
            <Group gap="sm">
              <ColorSwatch color={`var(--mantine-color-${SEGMENT_COLOR[segment]}-6)`} size={22} withShadow={false} />
              <Title order={1} size="h2" data-testid="segment-title">
                {text.segment(segment).name}
              </Title>
            </Group>
            <Text c="dimmed" size="sm">
              {text.segment(segment).who}
              {run && ` ${t('segmentPage.ofRun', { date: formatDate(run.analysisDate), method: t(`rfm.method.${run.method}`) })}`}
            </Text>
            {row && (
              <Text size="sm" fw={600} data-testid="segment-verdict">
                {segmentVerdict(row, i18n.language === 'en' ? 'en' : 'id', rupiahShort)}
              </Text>
            )}
          </Stack>
          <Group gap="sm">
            {/* The send page, its recipients set to this segment: pick or write a message, then send. */}
            <Button component="a" href={hrefWith({ segment, channel: 'whatsapp' }, 'content', 'send')} leftSection={<IconSend size={16} />} data-testid="segment-send">
              {t('segmentPage.sendMessage')}
            </Button>
            <ExportButton report={`segment:${segment}`} filters={listFilters} listColumns={columns.map((c) => c.id as string)} visibility={table.shownVisibility} />
            <Select
              aria-label={t('rfm.table.segment')}
              data={SEGMENT_IDS.map((id) => ({ value: id, label: text.segment(id).name }))}
              value={segment}
              onChange={(next) => {
                if (next) window.location.hash = hrefWith({ runId }, 'rfm', 'segment', next);
              }}
              allowDeselect={false}
              w={240}
              data-testid="segment-switch"
            />
          </Group>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <StatCard label={t('rfm.table.customers')} icon={IconUsers} value={row && `${whole.format(row.customers)} (${one.format(row.customersPct)}%)`} testId="segment-stat-customers" />
        {/* An empty segment has no revenue or order size: a dash, not "Rp 0". */}
        <StatCard label={t('rfm.table.revenue')} icon={IconCash} color="teal" amount={row?.customers ? row.revenue : null} value={row && '—'} />
        <StatCard label={t('rfm.table.aov')} icon={IconReceipt} color="grape" amount={row?.customers ? row.aov : null} value={row && '—'} testId="segment-stat-aov" />
        <Card padding="md">
          <Group gap={6} mb={4}>
            <IconBulb size={16} color="var(--mantine-color-sun-7)" />
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {t('rfm.table.action')}
            </Text>
          </Group>
          <Text size="sm" lh={1.35}>
            {text.segment(segment).action}
          </Text>
        </Card>
      </SimpleGrid>

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
