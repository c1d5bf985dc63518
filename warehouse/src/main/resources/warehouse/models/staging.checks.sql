-- Checks on what the warehouse loaded from the lake, before any model is trusted.

-- check: staged_rows_equal_the_manifest
with
staged as (
    select 'registry_snapshot' as table_name, _period as period, count(*) as n from stg_registry_snapshot group by all
    union all select 'project', _period, count(*) from stg_project group by all
    union all select 'survey_response', _period, count(*) from stg_survey_response group by all
    union all select 'consular_activity', _period, count(*) from stg_consular_activity group by all
    union all select 'remittance', _period, count(*) from stg_remittance group by all
    union all select 'association_link', _period, count(*) from stg_association_link group by all
    union all select 'association_review', _period, count(*) from stg_association_review group by all
    union all select 'unresolved', _period, count(*) from stg_unresolved group by all
    union all select 'association', _period, count(*) from stg_association group by all
    union all select 'ref_state', _period, count(*) from stg_ref_state group by all
    union all select 'ref_municipality', _period, count(*) from stg_ref_municipality group by all
    union all select 'ref_migration_intensity', _period, count(*) from stg_ref_migration_intensity group by all
    union all select 'ref_us_state', _period, count(*) from stg_ref_us_state group by all
    union all select 'ref_year', _period, count(*) from stg_ref_year group by all
)
select meta_partition.table_name, meta_partition.period, meta_partition."rows" as manifest_rows,
    coalesce(staged.n, 0) as staged_rows
from meta_partition
left join staged on staged.table_name = meta_partition.table_name and staged.period = meta_partition.period
where meta_partition.table_name not in ('ledger', 'rejects') and meta_partition."rows" <> coalesce(staged.n, 0)

-- check: conformed_partitions_reconcile_with_the_ledger
with
current_loads as (
    select source_table, period, load_id, rows_loaded
    from stg_ledger
    where status = 'LOADED'
    qualify row_number() over (partition by source_table, period order by loaded_at desc, load_id) = 1
),
data_partitions as (
    select
        case table_name
            when 'registry_snapshot' then 'registry'
            when 'project' then 'projects'
            when 'survey_response' then 'survey'
            when 'remittance' then 'remittances'
            else table_name
        end as source_table,
        table_name, period, load_id, "rows"
    from meta_partition
    where table_name in ('registry_snapshot', 'project', 'survey_response', 'consular_activity', 'remittance')
)
select data_partitions.table_name, data_partitions.period, data_partitions.load_id as conformed_load_id,
    current_loads.load_id as ledger_current_load_id, data_partitions."rows" as conformed_rows,
    current_loads.rows_loaded as ledger_rows_loaded
from data_partitions
left join current_loads
    on current_loads.source_table = data_partitions.source_table and current_loads.period = data_partitions.period
where current_loads.load_id is distinct from data_partitions.load_id
    or current_loads.rows_loaded is distinct from data_partitions."rows"

-- check: staged_rows_carry_their_load
select 'stg_project' as table_name, _period as period, count(*) as rows_of_another_load
from stg_project
where _load_id not in (select load_id from meta_partition where table_name = 'project' and period = _period)
group by all
union all
select 'stg_registry_snapshot', _period, count(*) from stg_registry_snapshot
where _load_id not in (select load_id from meta_partition where table_name = 'registry_snapshot' and period = _period)
group by all

-- check: staged_remittances_give_one_value_per_series_period_and_export
-- an export gives a series' period once (ingest rejects a period given twice); so the latest export
-- of a series and period is never a tie
select series_id, period_start, consulted_at, count(*) as n
from stg_remittance group by series_id, period_start, consulted_at having count(*) > 1
