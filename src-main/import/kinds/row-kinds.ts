import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { ImportKind } from '../normalize/headers';
import type { RowReader } from '../rows/reader';
import { packCustomer, readCustomer, unpackCustomer } from './customer-fields';
import { packLead, readLead, unpackLead } from './lead-fields';
import { packProduct, readProduct, unpackProduct } from './product-fields';
import { packSale, readSale, unpackSale } from './sale-fields';

/**
 * What each kind reads from a row (in the import's reading thread), and how those fields travel to
 * the thread that writes them: packed into an array of values there, unpacked here.
 */
interface RowKind<F> {
  read(r: RowReader, options: ImportOptions): F;
  pack(fields: F): unknown[];
  unpack(values: unknown[]): F;
}

const kind = <F>(k: RowKind<F>) => k as RowKind<unknown>;

export const rowKinds: Record<ImportKind, RowKind<unknown>> = {
  customers: kind({ read: readCustomer, pack: packCustomer, unpack: unpackCustomer }),
  products: kind({ read: readProduct, pack: packProduct, unpack: unpackProduct }),
  transactions: kind({ read: readSale, pack: packSale, unpack: unpackSale }),
  leads: kind({ read: readLead, pack: packLead, unpack: unpackLead }),
};
