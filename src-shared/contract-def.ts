import type { z } from 'zod';

/**
 * One channel of the contract: its input and output schemas. In a file of its own because every
 * per-domain list (contract-*.ts) builds its channels with it and contract.ts spreads those lists:
 * defined in contract.ts, it would make each list import the file that imports it.
 */
export const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
