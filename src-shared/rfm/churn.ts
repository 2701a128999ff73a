/**
 * The churn bands read off the fitted P(alive): at or above 0.75 active, 0.5 cooling, 0.25 at risk,
 * below that likely lost. The same four bands as the rule of thumb, so filters, badges and exports
 * keep one vocabulary; a row with P(alive) has its band from it, one without from the rule.
 */
export const P_ALIVE_BANDS = [0.75, 0.5, 0.25] as const;
