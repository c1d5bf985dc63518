-- agg_survey_rates (aggregate table behind the view v_survey_rates): weighted
-- association-membership and remittance rates per survey, overall (group_by 'all') and by years in the US, country of birth and Mexican state of origin.
-- A rate is Σ weight·[answer = Y] / Σ weight over respondents who answered Y or N; DK, REF and
-- blank answers are left out of both sums, counted apart (*_dk, *_ref, *_blank, and together in
-- *_excluded) and their weights summed apart. small_n flags a group with fewer respondents with a
-- yes or no answer, on either question, than small_n_threshold() (macros.sql).
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
),

answers as (
    select
        survey,
        year,
        group_by,
        group_value,
        count(*) as respondents,
        sum(weight) as weight_total,
        count(*) filter (where member_association in ('Y', 'N')) as member_answered,
        count(*) filter (where member_association = 'DK') as member_dk,
        count(*) filter (where member_association = 'REF') as member_ref,
        count(*) filter (where member_association is null) as member_blank,
        count(*) filter (where member_association is null or member_association not in ('Y', 'N'))
            as member_excluded,
        coalesce(sum(weight) filter (where member_association = 'Y'), 0) as member_weight_yes,
        coalesce(sum(weight) filter (where member_association in ('Y', 'N')), 0) as member_weight_answered,
        coalesce(sum(weight) filter (where member_association = 'DK'), 0) as member_weight_dk,
        coalesce(sum(weight) filter (where member_association = 'REF'), 0) as member_weight_ref,
        coalesce(sum(weight) filter (where member_association is null), 0) as member_weight_blank,
        count(*) filter (where sends_remittances in ('Y', 'N')) as remit_answered,
        count(*) filter (where sends_remittances = 'DK') as remit_dk,
        count(*) filter (where sends_remittances = 'REF') as remit_ref,
        count(*) filter (where sends_remittances is null) as remit_blank,
        count(*) filter (where sends_remittances is null or sends_remittances not in ('Y', 'N'))
            as remit_excluded,
        coalesce(sum(weight) filter (where sends_remittances = 'Y'), 0) as remit_weight_yes,
        coalesce(sum(weight) filter (where sends_remittances in ('Y', 'N')), 0) as remit_weight_answered,
        coalesce(sum(weight) filter (where sends_remittances = 'DK'), 0) as remit_weight_dk,
        coalesce(sum(weight) filter (where sends_remittances = 'REF'), 0) as remit_weight_ref,
        coalesce(sum(weight) filter (where sends_remittances is null), 0) as remit_weight_blank
    from groupings
    group by survey, year, group_by, group_value
)

-- The first columns keep their places (the view's contract); the ones added later follow.
-- group_order sorts the groups of a grouping as numbers, not as text: the years-in-the-US bands
-- 0-4, 5-9, 10-19, 20+ by their first year, other groups alphabetically, 'missing' last.
select
    survey,
    year,
    group_by,
    group_value,
    respondents,
    member_weight_yes::double / nullif(member_weight_answered, 0)::double as weighted_member_rate,
    remit_weight_yes::double / nullif(remit_weight_answered, 0)::double as weighted_remit_rate,
    member_excluded,
    remit_excluded,
    row_number() over (
        partition by survey, year, group_by
        order by group_value = 'missing', try_cast(regexp_extract(group_value, '^([0-9]+)', 1) as integer) nulls last,
            group_value
    )::integer as group_order,
    member_answered,
    member_dk,
    member_ref,
    member_blank,
    remit_answered,
    remit_dk,
    remit_ref,
    remit_blank,
    weight_total::decimal(38, 6) as weight_total,
    member_weight_yes::decimal(38, 6) as member_weight_yes,
    member_weight_answered::decimal(38, 6) as member_weight_answered,
    member_weight_dk::decimal(38, 6) as member_weight_dk,
    member_weight_ref::decimal(38, 6) as member_weight_ref,
    member_weight_blank::decimal(38, 6) as member_weight_blank,
    remit_weight_yes::decimal(38, 6) as remit_weight_yes,
    remit_weight_answered::decimal(38, 6) as remit_weight_answered,
    remit_weight_dk::decimal(38, 6) as remit_weight_dk,
    remit_weight_ref::decimal(38, 6) as remit_weight_ref,
    remit_weight_blank::decimal(38, 6) as remit_weight_blank,
    least(member_answered, remit_answered) < small_n_threshold() as small_n
from answers
