-- v_association_growth (view): reads the aggregate table agg_association_growth, computed at build
-- time (see that model for how). Analysts and the report query the view: its columns are the
-- stable contract.
select * from agg_association_growth
