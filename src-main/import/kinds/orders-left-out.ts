import type { Excluded } from './sale-fields';
import type { ImportEnv } from './env';

type Reason = Exclude<Excluded, 'cancellation' | 'notOrder'>;

const WARNING = {
  cancelled: 'imp.presetCancelled',
  inProgress: 'imp.presetInProgress',
  returned: 'imp.presetReturnedSkipped',
  walkIn: 'imp.presetWalkIn',
} as const satisfies Record<Reason, string>;

/** A marketplace or till export's orders left out, by why: each order once, however many lines it has. */
export class OrdersLeftOut {
  private readonly orders: Record<Reason, Set<string>> = { cancelled: new Set(), inProgress: new Set(), returned: new Set(), walkIn: new Set() };

  add(reason: Reason, order: string): void {
    this.orders[reason].add(order);
  }

  warnings(t: ImportEnv['t']): string[] {
    return (Object.keys(WARNING) as Reason[]).filter((r) => this.orders[r].size > 0).map((r) => t(WARNING[r], { count: this.orders[r].size }));
  }
}
