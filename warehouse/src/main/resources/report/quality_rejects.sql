-- Rows rejected at ingest (audit_reject), counted by source table, column and reason.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select
    source_table,
    coalesce(column_name, '(whole row)') as column_name,
    reason,
    count(*) as rows_rejected,
    count(distinct source_file) as files
from audit_reject, params
group by source_table, column_name, reason
order by rows_rejected desc, source_table, column_name, reason
