-- Weighted membership and remittance rates (v_survey_rates) of the surveys fielded in the period.
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
    respondents,
    weighted_member_rate,
    member_excluded,
    weighted_remit_rate,
    remit_excluded
from rates, params
where rates.year between params.from_year and params.to_year
order by year, survey, group_by, group_value
