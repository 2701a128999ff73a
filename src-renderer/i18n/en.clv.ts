import type { idClv } from './id.clv';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: the fitted lifetime-value model (RFM page card, churn bands, Settings, dashboard). */
export const enClv: Shape<typeof idClv> = {
  clv: {
    title: 'How good is this model on my data?',
    hint: "BG/NBD and Gamma-Gamma fitted on the shop's own sales, on this laptop. To check them, the model is fitted again without the last part of history, and what it predicts is set against what happened.",
    fitted: 'Fitted as of {{date}} on {{customers}} {{customers, plural(one: customer; other: customers)}} ({{repeat}} came back to buy again), {{ms}} ms.',
    none: 'No fit yet. The model is fitted after every RFM analysis.',
    fitNow: 'Fit the model now',
    refusedTitle: 'Not enough data: {{reason}}',
    refusedText: 'The churn risk stays the rule of thumb (days since the last purchase against the usual gap). The app does not make up a probability.',
    refusal: {
      too_few_customers: 'only {{customers}} {{customers, plural(one: customer has; other: customers have)}} bought ({{min}} needed)',
      too_few_repeat_buyers: 'only {{repeat}} {{repeat, plural(one: customer; other: customers)}} came back to buy again ({{min}} needed)',
      no_convergence: 'the fit did not settle on an answer',
      degenerate: 'the result means nothing for this data',
    },
    holdoutTotal: 'Check {{from}} – {{to}}: the model predicted {{predicted}} repeat purchases, {{actual}} happened ({{diff}}).',
    holdoutNone: 'The sales history is too short to check the model on (about 12 weeks needed).',
    holdoutRefused: 'The check could not run: {{reason}}.',
    chartPredicted: 'Model',
    chartActual: 'What happened',
    chartHint: 'Mean repeat purchases per customer during the check, grouped by how many times each had come back before it.',
    chartGroup: '{{x}}×',
    chartGroupMore: '{{x}}×+',
    params: 'BG/NBD r {{r}}, α {{alpha}}, a {{a}}, b {{b}} (log-likelihood {{ll}}) · Gamma-Gamma p {{p}}, q {{q}}, γ {{gamma}}',
    bandsTitle: 'Churn risk and what to do',
    bandsModel: 'From P(alive), the chance a returning customer is still buying. Customers who bought once keep the rule of thumb.',
    bandsRule: 'Rule of thumb: days since the last purchase against the usual gap.',
    band: {
      active: { range: 'P(alive) ≥ 75%', action: 'Keep in touch: tell them about new products; no discount they do not need.' },
      cooling: { range: '50–75%', action: 'Reach out first: a personal message or a restock of their favourite.' },
      at_risk: { range: '25–50%', action: 'Call or WhatsApp this week with a reason to come back.' },
      likely_lost: { range: '< 25%', action: 'One last strong offer; if there is no answer, spend no more on them.' },
    },
    ruleRange: {
      active: 'gap < 1×',
      cooling: '1–2× the usual gap',
      at_risk: '2–3× the usual gap',
      likely_lost: '> 3× the usual gap',
    },
    col: { pAlive: 'P(alive)', expected90: 'Buys in 90 days', clvFitted: 'CLV (model)' },
    pAliveShort: 'P(alive) {{p}}',
    ruleOfThumb: 'Rule of thumb',
    discountLabel: 'Monthly discount for the fitted CLV',
    discountHint: 'Money that comes later is worth less than money today. 1% a month is about 12% a year.',
    valueLost: 'Value at risk',
    atRiskModelHint: "Ranked by the value at risk: the model's CLV × (1 − P(alive)).",
  },
};
