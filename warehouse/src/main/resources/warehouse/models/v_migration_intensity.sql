-- v_migration_intensity (view): reads the aggregate table agg_migration_intensity, computed at build
-- time (see that model for how). Analysts and the report query the view.
select * from agg_migration_intensity
