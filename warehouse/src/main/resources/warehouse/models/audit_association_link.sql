-- audit_association_link (view): for every association-bearing source record, which
-- association it was linked to, by which rule and with what score.
select
    source_table,
    period,
    source_record_id,
    source_file,
    source_line,
    source_name,
    normalized_name,
    origin_state_code,
    association_id,
    rule,
    score,
    load_id
from stg_association_link
