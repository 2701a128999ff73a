import { Alert, Button, Card, Group, NumberInput, Select, Stack } from '@mantine/core';
import { IconDownload, IconReportAnalytics } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportId, ReportInfo } from '../../../src-shared/schemas/export';
import { useApiQuery } from '../../api/hooks';
import { ExportDialog } from '../../components/export/ExportDialog';
import { useReports } from '../../components/export/useReports';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/context';
import { ExportHistory } from './ExportHistory';
import { ReportPreview } from './ReportPreview';
import { FilterDateRange } from '../../components/filters/FilterInputs';

/** The Select's groups: segments get their own, the rest go by the report's group. */
function reportOptions(reports: ReportInfo[], t: (key: string) => string) {
  const groupOf = (r: ReportInfo) => (r.id.startsWith('segment:') ? 'segments' : r.group);
  return (['data', 'analysis', 'segments', 'history'] as const)
    .map((group) => ({
      group: t(`reports.groups.${group}`),
      items: reports
        .filter((r) => groupOf(r) === group)
        .map((r) => ({ value: r.id, label: r.allowed ? r.name : `${r.name} (${t('reports.locked')})`, disabled: !r.allowed })),
    }))
    .filter((g) => g.items.length > 0);
}

/** Laporan: choose a report and its period, see the first rows and the totals, export, and the history. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const reports = useReports();
  const [reportId, setReportId] = useState<ReportId>('transactions');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [limit, setLimit] = useState<number>(100);
  const [exporting, setExporting] = useState(false);

  const info = reports.data?.find((r) => r.id === reportId);
  const filters = useMemo(() => {
    const chosen: Record<string, unknown> = {};
    if (info?.filters.includes('from') && from) chosen.from = from;
    if (info?.filters.includes('to') && to) chosen.to = to;
    if (info?.filters.includes('limit')) chosen.limit = limit;
    return chosen;
  }, [info, from, to, limit]);
  // Another period of the same report keeps its last preview on screen, dimmed, while the new one
  // loads; another report never does: its title over the last report's rows and totals would
  // read as its own figures (the preview takes a second or more on a big shop).
  const preview = useApiQuery(
    'export.preview',
    { report: reportId, filters },
    {
      enabled: Boolean(info?.allowed),
      placeholderData: (previous, query) => ((query?.queryKey[1] as { report?: string } | undefined)?.report === reportId ? previous : undefined),
      retry: false,
    },
  );
  const options = useMemo(() => reportOptions(reports.data ?? [], t as (key: string) => string), [reports.data, t]);

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          <Button
            color="sun.5"
            c="navy.9"
            leftSection={<IconDownload size={18} />}
            disabled={!info?.allowed || preview.isError}
            onClick={() => setExporting(true)}
            data-testid="report-export"
          >
            {t('reports.export')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Card>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('reports.report')}
              data={options}
              value={reportId}
              onChange={(value) => value && setReportId(value as ReportId)}
              allowDeselect={false}
              searchable
              maxDropdownHeight={420}
              leftSection={<IconReportAnalytics size={16} />}
              w={340}
              data-testid="report-select"
            />
            {info?.filters.includes('from') && (
              <FilterDateRange
                from={from}
                to={to}
                onFrom={setFrom}
                onTo={setTo}
                ends={{
                  from: { label: t('reports.from'), placeholder: t('reports.allTime'), testId: 'report-from' },
                  to: { label: t('reports.to'), placeholder: t('reports.allTime'), testId: 'report-to' },
                }}
              />
            )}
            {info?.filters.includes('limit') && (
              <NumberInput
                label={t('reports.limit')}
                value={limit}
                onChange={(value) => setLimit(typeof value === 'number' && value >= 1 ? value : 100)}
                min={1}
                max={100_000}
                thousandSeparator="."
                decimalSeparator=","
                w={170}
              />
            )}
          </Group>
        </Card>
        {preview.isError ? (
          <Alert color="orange" title={t('errors.title')} data-testid="preview-error">
            {preview.error.message}
          </Alert>
        ) : (
          <ReportPreview key={reportId} name={info?.name ?? ''} preview={preview.data} loading={preview.isFetching} timeZone={status.business?.timezone} />
        )}
        <ExportHistory />
      </Stack>
      {exporting && info && <ExportDialog report={info} filters={filters} onClose={() => setExporting(false)} />}
    </>
  );
}
