import type { TransactionCreateInput, TransactionRow } from '../../../src-shared/schemas/transaction';
import type { SalesChannel } from './channels';
import { isSalesChannel } from './channels';

export interface ItemValues {
  product_id: string | null;
  name: string;
  qty: number | '';
  price: number | '';
}

export interface TransactionValues {
  customer_id: string | null;
  transaction_date: string | null;
  mode: 'amount' | 'items';
  amount: number | '';
  items: ItemValues[];
  channel: SalesChannel | null;
  invoice_no: string;
  campaign_code: string;
  notes: string;
}

export const emptyItem = (): ItemValues => ({ product_id: null, name: '', qty: 1, price: '' });

export function transactionValues(row: TransactionRow | null, customerId: string | null, today: string): TransactionValues {
  return {
    customer_id: row?.customer_id ?? customerId,
    transaction_date: row?.transaction_date ?? today,
    mode: row && row.items.length > 0 ? 'items' : 'amount',
    amount: row && row.items.length === 0 ? row.amount : '',
    items: row && row.items.length > 0 ? row.items.map((item) => ({ ...item, product_id: item.product_id ?? null })) : [emptyItem()],
    channel: row && isSalesChannel(row.channel) ? row.channel : null,
    invoice_no: row?.invoice_no ?? '',
    campaign_code: row?.campaign_code ?? '',
    notes: row?.notes ?? '',
  };
}

/** Form values → the contract's input: either the items or just the amount, never both. */
export function toTransactionInput(values: TransactionValues): TransactionCreateInput {
  const blankToUndefined = (value: number | '') => (value === '' ? undefined : value);
  return {
    customer_id: values.customer_id ?? '',
    transaction_date: values.transaction_date ?? '',
    items:
      values.mode === 'items'
        ? values.items.map((item) => ({
            product_id: item.product_id,
            name: item.name,
            // An empty box reaches the schema as "missing", so it answers "Harus berupa angka".
            qty: blankToUndefined(item.qty) as number,
            price: blankToUndefined(item.price) as number,
          }))
        : [],
    amount: values.mode === 'amount' ? blankToUndefined(values.amount) : undefined,
    channel: values.channel,
    invoice_no: values.invoice_no,
    campaign_code: values.campaign_code,
    notes: values.notes,
  };
}

export function itemsTotal(items: ItemValues[]): number {
  return Math.round(items.reduce((sum, item) => sum + (item.qty === '' || item.price === '' ? 0 : item.qty * item.price), 0));
}
