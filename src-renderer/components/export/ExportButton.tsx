import { Button, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { VisibilityState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportId } from '../../../src-shared/schemas/export';
import { ExportDialog } from './ExportDialog';
import { useReports } from './useReports';

interface Props {
  report: ReportId;
  /** The list's current search, filters and sort, as the report's filters. */
  filters?: Record<string, unknown>;
  /** The list's column ids and which are hidden: the dialog offers the visible ones only. */
  listColumns?: string[];
  visibility?: VisibilityState;
}

/** The list's "Ekspor" button: the same rows as the list, in the export dialog. */
export function ExportButton({ report, filters = {}, listColumns, visibility = {} }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reports = useReports();
  const info = reports.data?.find((r) => r.id === report);
  const shown = listColumns?.filter((id) => visibility[id] !== false);
  // A list column may hold several report columns (the transactions list's customer: code and name).
  const visibleColumns = shown && info ? info.columns.filter((c) => shown.includes(c.listKey)).map((c) => c.key) : undefined;

  const button = (
    <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!info?.allowed} onClick={() => setOpen(true)} data-testid="list-export">
      {t('exporter.button')}
    </Button>
  );
  return (
    <>
      {info && !info.allowed ? (
        <Tooltip label={info.reason ?? t('exporter.notAllowed')} multiline maw={320} withinPortal>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      {open && info && <ExportDialog report={info} filters={filters} visibleColumns={visibleColumns} fromList onClose={() => setOpen(false)} />}
    </>
  );
}
