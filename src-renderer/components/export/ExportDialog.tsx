import { Alert, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconCheck, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ReportInfo } from '../../../src-shared/schemas/export';
import { formatBytes } from '../formatBytes';
import { ExportProgress } from './ExportProgress';
import { JobDialogActions } from './JobDialogActions';
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
  const { state, start, cancel } = useExportRun('export.run', (queryClient) => queryClient.invalidateQueries({ queryKey: ['export.history'] }));
  const running = state.phase === 'running';

  const run = () =>
    void start({
      report: report.id,
      filters,
      format,
      separator,
      dateStyle,
      columns: columns === 'visible' && visibleColumns?.length ? visibleColumns : undefined,
    });

  return (
    <Modal
      opened
      onClose={running ? () => undefined : onClose}
      withCloseButton={!running}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      title={<Text fw={700}>{t('exporter.title', { report: report.name })}</Text>}
      size="lg"
      data-testid="export-dialog"
    >
      <Stack gap="md">
        {fromList && (
          <Text size="sm" c="dimmed">
            {t('exporter.filtered')}
          </Text>
        )}
        <Radio.Group label={t('exporter.format')} value={format} onChange={(value) => setFormat(value as ExportFormat)}>
          <Stack gap="xs" mt={6}>
            <Radio
              value="xlsx"
              disabled={running}
              label={<FormatLabel icon={<IconFileSpreadsheet size={16} />} name="Excel (.xlsx)" hint={t('exporter.xlsxHint')} />}
              data-testid="export-format-xlsx"
            />
            <Radio
              value="csv"
              disabled={running}
              label={<FormatLabel icon={<IconFileText size={16} />} name="CSV (.csv)" hint={t('exporter.csvHint')} />}
              data-testid="export-format-csv"
            />
          </Stack>
        </Radio.Group>
        {format === 'csv' && (
          <Group grow align="flex-start">
            <Radio.Group label={t('exporter.separator')} value={separator} onChange={(value) => setSeparator(value as ',' | ';')}>
              <Stack gap="xs" mt={6}>
                <Radio value=";" disabled={running} label={t('exporter.semicolon')} data-testid="export-separator-semicolon" />
                <Radio value="," disabled={running} label={t('exporter.comma')} data-testid="export-separator-comma" />
              </Stack>
            </Radio.Group>
            <Radio.Group label={t('exporter.dateStyle')} value={dateStyle} onChange={(value) => setDateStyle(value as 'dmy' | 'iso')}>
              <Stack gap="xs" mt={6}>
                <Radio value="dmy" disabled={running} label={t('exporter.dmy')} data-testid="export-date-dmy" />
                <Radio value="iso" disabled={running} label={t('exporter.iso')} data-testid="export-date-iso" />
              </Stack>
            </Radio.Group>
          </Group>
        )}
        {visibleColumns && (
          <Radio.Group label={t('exporter.columns')} value={columns} onChange={(value) => setColumns(value as 'visible' | 'all')}>
            <Group gap="lg" mt={6}>
              <Radio
                value="visible"
                disabled={running}
                label={t('exporter.visibleColumns', { n: visibleColumns.length })}
                data-testid="export-columns-visible"
              />
              <Radio value="all" disabled={running} label={t('exporter.allColumns', { n: report.columns.length })} data-testid="export-columns-all" />
            </Group>
          </Radio.Group>
        )}

        <ExportProgress state={state} />
        {state.phase === 'done' && state.result && (
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('exporter.doneTitle')} data-testid="export-done">
            {t('exporter.done', { rows: count.format(state.result.rows), size: formatBytes(state.result.bytes) })}
          </Alert>
        )}

        <JobDialogActions
          running={running}
          cancelRequested={state.cancelRequested}
          doneFileId={state.phase === 'done' && state.result ? state.result.fileId : null}
          onCancel={cancel}
          onClose={onClose}
          onStart={run}
          startLabel={t('exporter.start')}
          testId="export"
        />
      </Stack>
    </Modal>
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
