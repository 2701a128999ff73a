/** An import's first, quick pass over the file: what it must know before the real one reads a row. */
import type { JobCtx } from '../jobs/types';
import { ColumnSamples } from './columns';
import { headerNames } from './inspect';
import { RecurringInvoices } from './kinds/invoice-groups';
import type { TableFile } from './read/table';
import { isEmptyRow } from './rows/empty';
import type { RunParams } from './run';

/** First pass: the header, the number of data rows, samples to decide each column's conventions,
 * and the invoices whose lines are scattered. */
export async function scan(table: TableFile, p: RunParams, ctx: JobCtx) {
  let index = -1;
  let headers: string[] = [];
  let rowsTotal = 0;
  const samples = new ColumnSamples(p.mapping);
  const invoices = new RecurringInvoices(p.kind === 'transactions' ? p.mapping.invoice_no : null);
  for await (const batch of table.batches()) {
    for (const row of batch) {
      index += 1;
      if (index < p.headerRow) continue;
      if (index === p.headerRow) {
        headers = headerNames(row.cells);
        continue;
      }
      if (isEmptyRow(row.cells)) continue;
      rowsTotal += 1;
      samples.add(row.cells);
      invoices.add(row.cells);
    }
    ctx.throwIfCancelled();
    ctx.progress('scan', rowsTotal, 0);
  }
  return { headers, rowsTotal, samples, recurringInvoices: invoices.found };
}
