-- v_project_investment (view): reads the aggregate table agg_project_investment, computed at build
-- time (see that model for how). Analysts and the report query the view: its columns are the
-- stable contract.
select * from agg_project_investment
