-- agg_survey_rates (aggregate table behind the view v_survey_rates): weighted
-- association-membership and remittance rates per survey, overall (group_by 'all') and by years in the US, country of birth and Mexican state of origin.
-- A rate is Σ weight·[answer = Y] / Σ weight over respondents who answered Y or N; DK, REF and
-- blank answers are left out of both sums and counted in the *_excluded columns.
-- Weights are summed as exact decimals (12 places), so the rates do not depend on the order in
-- which parallel threads happen to add them up: the same warehouse always gives the same digits.
with

responses as (
    select * replace (weight::decimal(38, 12) as weight) from fact_survey_response
),

states as (
    select state_code, state_name from dim_geography where geography_level = 'MX_STATE'
),

groupings as (
    select survey, year, 'all' as group_by, 'all' as group_value, member_association, sends_remittances, weight
    from responses
    union all
    select survey, year, 'years_in_us', coalesce(years_in_us_band, 'missing'), member_association,
        sends_remittances, weight
    from responses
    union all
    select survey, year, 'country_of_birth', coalesce(country_of_birth, 'missing'), member_association,
        sends_remittances, weight
    from responses
    union all
    select responses.survey, responses.year, 'origin_state', coalesce(states.state_name, 'missing'),
        responses.member_association, responses.sends_remittances, responses.weight
    from responses
    left join states on states.state_code = responses.origin_state_code
    where responses.born_in_mexico
)

select
    survey,
    year,
    group_by,
    group_value,
    count(*) as respondents,
    (coalesce(sum(weight) filter (where member_association = 'Y'), 0))::double
        / nullif(sum(weight) filter (where member_association in ('Y', 'N')), 0)::double as weighted_member_rate,
    (coalesce(sum(weight) filter (where sends_remittances = 'Y'), 0))::double
        / nullif(sum(weight) filter (where sends_remittances in ('Y', 'N')), 0)::double as weighted_remit_rate,
    count(*) filter (where member_association is null or member_association not in ('Y', 'N'))
        as member_excluded,
    count(*) filter (where sends_remittances is null or sends_remittances not in ('Y', 'N'))
        as remit_excluded
from groupings
group by survey, year, group_by, group_value
