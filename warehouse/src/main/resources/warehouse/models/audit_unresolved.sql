-- audit_unresolved (view): every value transform could not resolve (a municipality, a state,
-- a category…), with its source row and why, in English and as a stable code (NULL for a value
-- listed before the codes); the value is NULL in the conformed data.
select
    source_table,
    period,
    source_file,
    source_line,
    "column" as column_name,
    "value",
    context,
    reason,
    load_id,
    reason_code,
    reason_args
from stg_unresolved
