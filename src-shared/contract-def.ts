import type { z } from 'zod';

/** One channel of the contract: its input and output schemas (see contract.ts). */
export const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
