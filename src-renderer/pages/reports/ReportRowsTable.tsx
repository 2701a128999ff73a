import { Table } from '@mantine/core';
import type { ExportPreview } from '../../../src-shared/schemas/export';
import { formatCell, isFigure } from '../../components/export/formatCell';

/** Longer text than this (an address, an e-mail, items) may wrap in its cell; shorter stays on one line. */
const LONG_TEXT = 18;

interface Props {
  preview: ExportPreview;
  /** The columns shown, in the report's order (all, or those that fit the card). */
  shown: ExportPreview['columns'];
  timeZone?: string;
}

/**
 * A report's first rows as the file will show them, in the columns shown: figures right-aligned
 * on one line, long text wrapping in its cell. Apart from the preview (ReportPreview.tsx), which
 * picks the columns and says what the table leaves out.
 */
export function ReportRowsTable({ preview, shown, timeZone }: Props) {
  const at = new Map(preview.columns.map((c, i) => [c.key, i]));
  const wraps = new Set(
    shown
      .filter((c) => !isFigure(c.type) && preview.rows.some((row) => formatCell(c.type, row[at.get(c.key) ?? 0], timeZone).length > LONG_TEXT))
      .map((c) => c.key),
  );
  return (
    <Table striped verticalSpacing="xs" horizontalSpacing="sm" data-testid="preview-table">
      <Table.Thead>
        <Table.Tr>
          {shown.map((c) => (
            <Table.Th
              key={c.key}
              ta={isFigure(c.type) ? 'right' : undefined}
              style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', verticalAlign: 'bottom' }}
            >
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.rows.map((row, index) => (
          <Table.Tr key={index} data-testid="preview-row">
            {shown.map((c) => (
              <Table.Td
                key={c.key}
                ta={isFigure(c.type) ? 'right' : undefined}
                className={isFigure(c.type) ? 'sma-num' : undefined}
                // Figures and short values (codes, phones, cities) stay on one line; long text wraps,
                // even an unbroken e-mail address, instead of widening the page.
                style={wraps.has(c.key) ? { overflowWrap: 'anywhere', minWidth: 120 } : { whiteSpace: 'nowrap' }}
              >
                {formatCell(c.type, row[at.get(c.key) ?? 0], timeZone)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
