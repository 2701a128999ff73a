import { z } from 'zod';
import { def } from './contract-def';
import { empty, idInput, okOutput } from './schemas/common';
import {
  customerCreateInput,
  customerListInput,
  customerListOutput,
  customerRow,
  customerSummary,
  customerUpdateInput,
  duplicateCheckInput,
  duplicateMatch,
} from './schemas/customer';
import {
  fileRef,
  historyInput,
  historyOutput,
  IMPORT_KINDS,
  importReport,
  inspectInput,
  inspectOutput,
  linkDuplicateInput,
  possibleDuplicate,
  runInput,
  uploadInput,
} from './schemas/import';
import { productCreateInput, productListInput, productListOutput, productRow, productUpdateInput } from './schemas/product';
import { CHANNELS, transactionCreateInput, transactionListInput, transactionListOutput, transactionRow, transactionUpdateInput } from './schemas/transaction';

/**
 * The shop's records: customers, sales, products, and the files that bring them in (import) or
 * take them out (download).
 * Part of the one contract (contract.ts), kept apart by domain so that each list stays short.
 */
export const recordChannels = {
  'customers.list': def(customerListInput, customerListOutput),
  'customers.get': def(idInput, z.object({ customer: customerRow, summary: customerSummary })),
  'customers.create': def(customerCreateInput, customerRow),
  'customers.update': def(customerUpdateInput, customerRow),
  'customers.delete': def(idInput, okOutput),
  'customers.restore': def(idInput, okOutput),
  'customers.checkDuplicates': def(duplicateCheckInput, z.array(duplicateMatch)),
  'customers.facets': def(empty, z.object({ cities: z.array(z.string()), tags: z.array(z.string()) })),
  'customers.options': def(
    z.strictObject({ search: z.string().trim().max(100).default('') }),
    z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), phone: z.string().nullable(), city: z.string().nullable() })),
  ),

  'transactions.list': def(transactionListInput, transactionListOutput),
  'transactions.get': def(idInput, transactionRow),
  'transactions.create': def(transactionCreateInput, transactionRow),
  'transactions.update': def(transactionUpdateInput, transactionRow),
  'transactions.delete': def(idInput, okOutput),
  'transactions.restore': def(idInput, okOutput),
  /** The channel a new sale's form starts with: the most used lately, else the shop counter. */
  'transactions.usualChannel': def(empty, z.object({ channel: z.enum(CHANNELS) })),
  /** Marketplace and till orders still in progress kept as pending by an import: not sales. */
  'transactions.pending': def(
    empty,
    z.object({
      count: z.number(),
      amount: z.number(),
      orders: z.array(
        z.object({
          channel: z.string(),
          invoice_no: z.string(),
          order_date: z.string(),
          customer_name: z.string().nullable(),
          amount: z.number(),
          status: z.string(),
        }),
      ),
    }),
  ),

  'products.list': def(productListInput, productListOutput),
  'products.create': def(productCreateInput, productRow),
  'products.update': def(productUpdateInput, productRow),
  'products.delete': def(idInput, okOutput),
  'products.restore': def(idInput, okOutput),
  'products.options': def(empty, z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), price: z.number() }))),

  'files.upload': def(uploadInput, fileRef),
  /** Electron: a save dialog, then `savedTo`; browser mode: the `url` to download from. */
  'files.download': def(z.strictObject({ fileId: z.string().max(80) }), z.object({ url: z.string().nullable(), savedTo: z.string().nullable() })),

  'import.inspect': def(inspectInput, inspectOutput),
  'import.validate': def(runInput, importReport),
  'import.commit': def(runInput, importReport),
  'import.history': def(historyInput, historyOutput),
  'import.undo': def(
    z.strictObject({ uploadId: z.string().max(64) }),
    z.object({ transactions: z.number(), customers: z.number(), products: z.number(), pendingOrders: z.number(), leads: z.number() }),
  ),
  'import.duplicates': def(empty, z.array(possibleDuplicate)),
  'import.linkDuplicate': def(linkDuplicateInput, z.object({ transactions: z.number().int() })),
  'import.template': def(z.strictObject({ kind: z.enum(IMPORT_KINDS) }), z.object({ fileId: z.string(), name: z.string() })),
} as const;
