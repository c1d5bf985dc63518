-- audit_reject (view): every row ingest rejected, for the deliveries the lake currently holds:
-- the file, the table and period it was for, the physical line, the column (NULL for a
-- whole-row fault), the offending value and the reason.
select
    source_file,
    source_table,
    period,
    line,
    "column" as column_name,
    "value",
    reason,
    load_id
from stg_reject
