import type { idLoyalty } from '../id/loyalty';

/** English: loyalty points: refusals, and why points were taken back. */
export const enLoyalty = {
  'loyalty.off': 'Loyalty points are off. Turn them on in Settings → Points.',
  'loyalty.notEnough': 'Only {{points}} points can be spent.',
  'loyalty.staffLimit': 'Staff may redeem at most {{limit}} points at once. Ask the owner or a manager.',
  'loyalty.saleNotCustomer': "That sale is not this customer's, or it was deleted.",
  'loyalty.staffLimitUsed':
    'Staff may redeem at most {{limit}} points on one sale (or in a day for this customer); {{used}} already were. Ask the owner or a manager.',
  'loyalty.overSale': 'A discount may not exceed the sale: at most {{points}} more points.',
  'loyalty.saleDeleted': 'Sale deleted',
  'loyalty.importUndone': 'Import undone',
  'loyalty.saleChanged': 'Sale changed',
  'loyalty.saleRestored': 'Sale restored',
  'loyalty.saleReturned': 'Order returned',
} satisfies Record<keyof typeof idLoyalty, string>;
