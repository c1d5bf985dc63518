-- audit_association_review (view): the review list. One row per candidate of every record the
-- linker kept apart for review (rule REVIEW: the best candidate between the thresholds;
-- AMBIGUOUS: candidates too close to call; KEY_CONFLICT: keys that contradict each other), with
-- the match weight broken down by comparison and the two lines of conf/association_overrides.csv
-- that settle it. Empty when every link was decided.
with

review as (
    select * from stg_association_review
),

settled as (
    select
        source_table,
        period,
        source_record_id,
        source_file,
        source_line,
        source_name,
        origin_state_code,
        rule,
        association_id,
        candidate_rank,
        candidate_id,
        candidate_name,
        match_weight,
        match_probability,
        prior_bits,
        name_level,
        name_bits,
        municipality_level,
        municipality_bits,
        us_state_level,
        us_state_bits,
        city_level,
        city_bits,
        federation_level,
        federation_bits,
        consulate_level,
        consulate_bits,
        time_level,
        time_bits,
        explanation,
        override_link,
        override_apart,
        load_id
    from review
)

select * from settled
