-- Weighted membership and remittance rates (v_survey_rates) of the surveys fielded in the period,
-- with the don't know, refused and blank answers apart, and the groups too small to read
-- (small_n, fewer than small_n_threshold() yes-or-no answers). Groups in group_order: the bands of
-- years in the US as numbers (0-4, 5-9, 10-19, 20+).
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

rates as (
    select * from v_survey_rates
)

select
    survey,
    year,
    group_by,
    group_value,
    group_order,
    respondents,
    weighted_member_rate,
    member_answered,
    member_excluded,
    member_dk,
    member_ref,
    member_blank,
    weighted_remit_rate,
    remit_answered,
    remit_excluded,
    remit_dk,
    remit_ref,
    remit_blank,
    small_n,
    small_n_threshold() as small_n_threshold
from rates, params
where rates.year between params.from_year and params.to_year
order by year, survey, group_by, group_order
