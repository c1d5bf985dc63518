-- audit_file_load (view): every entry of ingest's file ledger, newest first within a partition,
-- with whether it is the current delivery of its (table, period) and whether the warehouse
-- holds data of that load.
with

ledger as (
    select * from stg_ledger
),

held_loads as (
    select distinct load_id from meta_partition where load_id <> ''
),

current_loads as (
    select load_id, source_table, period
    from ledger
    where status = 'LOADED'
    qualify row_number() over (partition by source_table, period order by loaded_at desc, load_id) = 1
)

select
    ledger.load_id,
    ledger.file_name,
    ledger.source_table,
    ledger.period,
    ledger.sha256,
    ledger.bytes,
    ledger.encoding,
    ledger.layout,
    ledger.rows_read,
    ledger.rows_loaded,
    ledger.rows_rejected,
    ledger.rows_skipped,
    ledger.status,
    ledger.replaced_load_id,
    ledger.message,
    ledger.absent_columns,
    ledger.loaded_at,
    current_loads.load_id is not null as is_current,
    ledger.load_id in (select load_id from held_loads) as in_warehouse
from ledger
left join current_loads
    on current_loads.load_id = ledger.load_id
    and current_loads.source_table = ledger.source_table
    and current_loads.period = ledger.period
