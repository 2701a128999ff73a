-- The dashboard's "worth a call" list ranks the returning customers of the latest fit by the value
-- the shop stands to lose, CLV × (1 − P(alive)) (src-main/dashboard/queries.ts). Without an index
-- that meant scoring and sorting all 100k customers on every dashboard load (131 ms at 1M sales);
-- with the expression indexed the ten largest are the index's first entries.
CREATE INDEX idx_clv_scores_value_lost ON clv_scores(fit_id, clv * (1 - p_alive) DESC) WHERE x > 0;
