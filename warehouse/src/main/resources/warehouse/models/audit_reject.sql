-- audit_reject (view): every row ingest rejected, for the deliveries the lake currently holds:
-- the file, the table and period it was for, the physical line, the column (NULL for a
-- whole-row fault), the offending value and the reason, in English and as a stable code with its
-- parameters (NULL for a reject recorded before the codes).
select
    source_file,
    source_table,
    period,
    line,
    "column" as column_name,
    "value",
    reason,
    load_id,
    reason_code,
    reason_args
from stg_reject
