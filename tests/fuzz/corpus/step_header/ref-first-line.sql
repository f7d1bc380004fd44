2.1
-- strata:requires 2
-- strata:option track_unrealized_pnl
-- strata:phase optional
SELECT 1;
