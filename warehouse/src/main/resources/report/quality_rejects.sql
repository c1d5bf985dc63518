-- Rows rejected at ingest (audit_reject), counted by source table, column and reason: by the
-- reason's code and parameters, which the report words in its language; a reject recorded before
-- the codes (reason_code NULL) by its English reason, as recorded.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select
    source_table,
    coalesce(column_name, '(whole row)') as column_name,
    reason_code,
    reason_args,
    case when reason_code is null then reason end as recorded_reason,
    min(reason) as example_reason,
    count(*) as rows_rejected,
    count(distinct source_file) as files
from audit_reject, params
group by source_table, column_name, reason_code, reason_args, recorded_reason
order by rows_rejected desc, source_table, column_name, reason_code, reason_args, recorded_reason
