-- v_association_latest (view): reads the aggregate table agg_association_latest, computed at build
-- time (see that model for how). Analysts and the report query the view: its columns are the
-- stable contract.
select * from agg_association_latest
