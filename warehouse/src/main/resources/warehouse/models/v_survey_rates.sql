-- v_survey_rates (view): reads the aggregate table agg_survey_rates, computed at build
-- time (see that model for how). Analysts and the report query the view: its columns are the
-- stable contract.
select * from agg_survey_rates
