-- Every file decision in the ledger (audit_file_load), latest first. The period parameters are
-- bound but not used: the appendix covers everything the warehouse was built from.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select
    file_name,
    source_table,
    period,
    status,
    rows_read,
    rows_loaded,
    rows_rejected,
    rows_skipped,
    loaded_at,
    is_current,
    message
from audit_file_load, params
order by loaded_at desc, file_name
