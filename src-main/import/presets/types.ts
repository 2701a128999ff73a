import type { SalesChannel } from '../../../src-shared/i18n/channels';

/**
 * A preset: the order or sales export of a marketplace or till, recognised from its header row and
 * imported with no mapping step. Each preset's file names the columns as the platform writes them
 * and where that column set was found.
 */

/** What an order's status means for the shop's sales. */
export type OrderState = 'sale' | 'cancelled' | 'returned' | 'inProgress';

export interface OrderPreset {
  /** Stable id: the CLI's `--json` output and the import's options carry it. */
  readonly id: string;
  /** The channel its sales are filed under: a code of CHANNELS, so the sale form, filters and
   * exports know it (`shopee` reads "Shopee"). */
  readonly channel: SalesChannel;
  /** Prefix of a buyer's identity on the platform (`shopee` → `shopee:sari.batik`). */
  readonly identityPrefix: string;
  /**
   * Target field → the header(s) the platform writes for it, first match wins. Besides the
   * import's own fields: `order_status` (and `order_status_more`, read with it: a return type or
   * sub-status), `buyer_id`, `customer_city`, `shipping`, `refunds` (a till's refunded amount:
   * a line above zero is a return of its receipt).
   */
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** Fields whose column must be in the header row for the file to be taken as this export. */
  readonly essential: readonly string[];
  /** Status text (compared lower-case) → meaning; the first rule whose words the status contains. */
  readonly statuses: readonly (readonly [RegExp, OrderState])[];
  /** Meaning of a status no rule knows. */
  readonly otherStatus: OrderState;
  /** What every order number looks like: a row whose number does not (TikTok Shop writes a row
   * describing each column below its header) is not an order and is left out. */
  readonly orderNumber?: RegExp;
  /** A till's export: a row with no customer is a walk-in sale, skipped and counted per receipt
   * (there is no customer to file it under), not a failed row. */
  readonly walkIns?: boolean;
}
