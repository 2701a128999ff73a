import { describe, expect, it } from 'vitest';
import { detectColumnType } from '../../../src-main/import/normalize/columns';
import { detectDateOrder, parseDateValue } from '../../../src-main/import/normalize/dates';
import { autoMapping, detectHeaderRow, missingRequired } from '../../../src-main/import/normalize/headers';
import { detectNumberStyle, parseAmountValue, parseQuantityValue } from '../../../src-main/import/normalize/numbers';
import { cdnowDataset, column, csvDataset } from './datasets';

describe('CDNOW (lifetimes_CDNOW_master.txt)', () => {
  const [header, ...rows] = cdnowDataset();

  it('maps its header', () => {
    expect(header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    const mapping = autoMapping(header, 'transactions');
    expect(mapping).toMatchObject({ customer_code: 0, transaction_date: 1, qty: 2, amount: 3 });
    expect(missingRequired(mapping, 'transactions')).toEqual([]);
  });

  it('reads every YYYYMMDD date within 1997-01-01 … 1998-06-30', () => {
    const dates = column(rows, 1).map((value) => parseDateValue(value, 'dmy'));
    expect(dates).not.toContain(null);
    const sorted = [...(dates as string[])].sort();
    expect(sorted[0]).toBe('1997-01-01');
    expect(sorted[sorted.length - 1]).toBe('1998-06-30');
    expect(detectColumnType(column(rows, 1).slice(0, 500))).toBe('date');
  });

  it('reads dollar amounts with a decimal dot', () => {
    const amounts = column(rows, 3);
    const style = detectNumberStyle(amounts);
    expect(style).toEqual({ decimal: '.', ambiguous: false });
    expect(parseQuantityValue('29.33', style)).toBe(29.33);
    expect(parseAmountValue('29.33', style)).toBe(29);
    expect(parseAmountValue(amounts[0], style)).toBe(12); // 11.77
    expect(amounts.every((value) => parseQuantityValue(value, style) !== null)).toBe(true);
    expect(detectColumnType(amounts.slice(0, 500))).toBe('number');
  });
});

describe('Online Retail sample (jerryaoverton_online_retail_sample.csv)', () => {
  const table = csvDataset('jerryaoverton_online_retail_sample.csv');
  const [header, ...rows] = table;

  it('finds the header and maps it', () => {
    expect(detectHeaderRow(table, 'transactions')?.index).toBe(0);
    expect(header).toEqual(['', 'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    const mapping = autoMapping(header, 'transactions');
    expect(mapping).toMatchObject({
      invoice_no: 1,
      product_code: 2,
      product: 3,
      qty: 4,
      transaction_date: 5,
      unit_price: 6,
      customer_code: 7,
      amount: null,
    });
    expect(Object.values(mapping)).not.toContain(0);
    expect(Object.values(mapping)).not.toContain(8);
    expect(missingRequired(mapping, 'transactions')).toEqual([]);
  });

  it('detects M/D/YYYY H:MM and reads every date', () => {
    const dates = column(rows, 5);
    expect(detectDateOrder(dates)).toEqual({ order: 'mdy', ambiguous: false });
    expect(parseDateValue('12/1/2010 8:26', 'mdy')).toBe('2010-12-01');
    expect(parseDateValue(dates[0], 'mdy')).toBe('2011-10-31'); // 10/31/2011 10:42
    const parsed = dates.map((value) => parseDateValue(value, 'mdy'));
    expect(parsed).not.toContain(null);
    expect(parsed.every((iso) => iso !== null && iso >= '2010-12-01' && iso <= '2011-12-31')).toBe(true);
    expect(detectColumnType(dates)).toBe('date');
  });

  it('reads prices and signed quantities', () => {
    const prices = column(rows, 6);
    const priceStyle = detectNumberStyle(prices);
    expect(priceStyle.decimal).toBe('.');
    expect(parseQuantityValue(prices[0], priceStyle)).toBe(4.25);
    const quantities = column(rows, 4);
    const qtyStyle = detectNumberStyle(quantities);
    const parsed = quantities.map((value) => parseQuantityValue(value, qtyStyle));
    expect(parsed).not.toContain(null);
    expect(parsed.some((qty) => qty !== null && qty < 0)).toBe(true); // cancellations
  });
});

describe('rfm_data_orders (rsquaredacademy_rfm_data_orders.csv)', () => {
  const [header, ...rows] = csvDataset('rsquaredacademy_rfm_data_orders.csv');

  it('maps its header', () => {
    expect(header).toEqual(['customer_id', 'order_date', 'revenue', 'first_name', 'last_name', 'email']);
    const mapping = autoMapping(header, 'transactions');
    expect(mapping).toMatchObject({ customer_code: 0, transaction_date: 1, amount: 2, customer_email: 5 });
    // `first_name` holds only part of a name, but it is the closest column and the user can change it.
    expect(mapping.customer_name).toBe(3);
    expect(missingRequired(mapping, 'transactions')).toEqual([]);
  });

  it('reads ISO dates and whole amounts', () => {
    expect(column(rows, 1).every((value) => parseDateValue(value, 'dmy') === value)).toBe(true);
    const revenue = column(rows, 2);
    const style = detectNumberStyle(revenue);
    expect(revenue.map((value) => parseAmountValue(value, style)).slice(0, 3)).toEqual([32, 36, 116]);
    expect(detectColumnType(column(rows, 5))).toBe('email');
    expect(detectColumnType(column(rows, 1))).toBe('date');
  });
});
