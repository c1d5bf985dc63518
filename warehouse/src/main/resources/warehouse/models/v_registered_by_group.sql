-- v_registered_by_group (view): reads the aggregate table agg_registered_by_group, computed at
-- build time (see that model for how). Analysts, the report and association_growth(…) query the
-- view: its columns are the stable contract.
select * from agg_registered_by_group
