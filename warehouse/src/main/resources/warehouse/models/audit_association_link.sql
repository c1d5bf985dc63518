-- audit_association_link (view): for every association-bearing source record, which
-- association it was linked to, by which rule (docs/conform.md, "One identity per association"),
-- with what score, and the evidence the linkage model weighed: the best candidate's match weight
-- (bits) and probability, how many candidates it scored, and the runner-up.
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
    load_id,
    match_weight,
    match_probability,
    candidates,
    runner_up_id,
    runner_up_weight
from stg_association_link
