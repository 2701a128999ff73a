import { Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ReportInfo } from '../../../src-shared/schemas/export';
import { formatBytes } from '../formatBytes';
import { ChoiceGroup } from './ChoiceGroup';
import { JobDialog } from './JobDialog';
import { useExportRun } from './useExportRun';

const count = new Intl.NumberFormat('id-ID');

interface Props {
  report: ReportInfo;
  /** The report's filters: the list's search, filters and sort, or the Laporan page's choices. */
  filters: Record<string, unknown>;
  /** Report column keys the list shows; given, the user may export only those. */
  visibleColumns?: string[];
  /** Said above the options when the filters come from a list. */
  fromList?: boolean;
  onClose: () => void;
}

/** Format, CSV separator and date form, columns; then the job's progress with cancel, then the download. */
export function ExportDialog({ report, filters, visibleColumns, fromList, onClose }: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [separator, setSeparator] = useState<',' | ';'>(';');
  const [dateStyle, setDateStyle] = useState<'dmy' | 'iso'>('dmy');
  const [columns, setColumns] = useState<'visible' | 'all'>(visibleColumns ? 'visible' : 'all');
  // The history gained a row; the preview's figures are unchanged, so it is not asked again.
  const job = useExportRun('export.run', (queryClient) => queryClient.invalidateQueries({ queryKey: ['export.history'] }));
  const running = job.state.phase === 'running';

  const run = () =>
    void job.start({
      report: report.id,
      filters,
      format,
      separator,
      dateStyle,
      columns: columns === 'visible' && visibleColumns?.length ? visibleColumns : undefined,
    });

  return (
    <JobDialog
      title={t('exporter.title', { report: report.name })}
      size="lg"
      testId="export"
      job={job}
      doneTitle={t('exporter.doneTitle')}
      doneText={(result) => t('exporter.done', { rows: count.format(result.rows), size: formatBytes(result.bytes) })}
      onStart={run}
      startLabel={t('exporter.start')}
      onClose={onClose}
    >
      {fromList && (
        <Text size="sm" c="dimmed">
          {t('exporter.filtered')}
        </Text>
      )}
      <ChoiceGroup
        label={t('exporter.format')}
        value={format}
        onChange={setFormat}
        disabled={running}
        choices={[
          {
            value: 'xlsx',
            label: <FormatLabel icon={<IconFileSpreadsheet size={16} />} name="Excel (.xlsx)" hint={t('exporter.xlsxHint')} />,
            testId: 'export-format-xlsx',
          },
          {
            value: 'csv',
            label: <FormatLabel icon={<IconFileText size={16} />} name="CSV (.csv)" hint={t('exporter.csvHint')} />,
            testId: 'export-format-csv',
          },
        ]}
      />
      {format === 'csv' && (
        <Group grow align="flex-start">
          <ChoiceGroup
            label={t('exporter.separator')}
            value={separator}
            onChange={setSeparator}
            disabled={running}
            choices={[
              { value: ';', label: t('exporter.semicolon'), testId: 'export-separator-semicolon' },
              { value: ',', label: t('exporter.comma'), testId: 'export-separator-comma' },
            ]}
          />
          <ChoiceGroup
            label={t('exporter.dateStyle')}
            value={dateStyle}
            onChange={setDateStyle}
            disabled={running}
            choices={[
              { value: 'dmy', label: t('exporter.dmy'), testId: 'export-date-dmy' },
              { value: 'iso', label: t('exporter.iso'), testId: 'export-date-iso' },
            ]}
          />
        </Group>
      )}
      {visibleColumns && (
        <ChoiceGroup
          label={t('exporter.columns')}
          value={columns}
          onChange={setColumns}
          disabled={running}
          inline
          choices={[
            { value: 'visible', label: t('exporter.visibleColumns', { n: visibleColumns.length }), testId: 'export-columns-visible' },
            { value: 'all', label: t('exporter.allColumns', { n: report.columns.length }), testId: 'export-columns-all' },
          ]}
        />
      )}
    </JobDialog>
  );
}

function FormatLabel({ icon, name, hint }: { icon: React.ReactNode; name: string; hint: string }) {
  return (
    <Stack gap={0}>
      <Group gap={6}>
        {icon}
        <Text size="sm" fw={600}>
          {name}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}
