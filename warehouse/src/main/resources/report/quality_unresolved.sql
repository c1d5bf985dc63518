-- Values no rule could resolve (audit_unresolved), by source table, column and reason (its code and
-- parameters, which the report words in its language; a value listed before the codes by its English
-- reason, as recorded), with how many rows and distinct values, and the first value (alphabetically)
-- as an example.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select
    source_table,
    column_name,
    reason_code,
    reason_args,
    case when reason_code is null then reason end as recorded_reason,
    min(reason) as example_reason,
    count(*) as rows_unresolved,
    count(distinct "value") as distinct_values,
    min("value") as example_value
from audit_unresolved, params
group by source_table, column_name, reason_code, reason_args, recorded_reason
order by rows_unresolved desc, source_table, column_name, reason_code, reason_args, recorded_reason
