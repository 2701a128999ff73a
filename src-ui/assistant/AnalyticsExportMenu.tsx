import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { AssistantAnalytics } from '../../src-shared/schemas/assistant';
import { exportCsv, exportXlsx, type SaveBlob } from '../export/tableExport';
import { analyticsColumns, analyticsLines, type AnalyticsExportLabels } from './analyticsExport';

/**
 * The assistant's analytics to XLSX or CSV, one sheet of every table, named for its date range: the
 * console's panel and the laptop's tab. `save` is how the UI hands a file to the user.
 */
export function AnalyticsExportMenu({
  data,
  labels,
  save,
  onError,
}: {
  data: AssistantAnalytics;
  labels: AnalyticsExportLabels;
  save?: SaveBlob;
  onError: (error: unknown) => void;
}) {
  const rows = analyticsLines(data, labels);
  const columns = analyticsColumns(labels);
  const fileName = `${labels.fileName}-${data.from}-${data.to}`;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="analytics-export">
          {labels.menu.button}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportXlsx(rows, columns, fileName, labels.sheetName, save).catch(onError)} data-testid="analytics-export-xlsx">
          {labels.menu.xlsx}
        </Menu.Item>
        <Menu.Item onClick={() => exportCsv(rows, columns, fileName, save).catch(onError)} data-testid="analytics-export-csv">
          {labels.menu.csv}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
