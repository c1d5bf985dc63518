-- check: agg_survey_rates_equals_the_facts
-- Respondents, exclusions and weighted rates per survey and group, computed straight from
-- fact_survey_response (one pass per grouping, exact decimal weights), against the aggregate: a
-- differing or missing row is offending.
with
responses as (
    select r.*, r.weight::decimal(38, 12) as w, s.state_name
    from fact_survey_response r
    left join dim_geography s on s.geography_level = 'MX_STATE' and s.state_code = r.origin_state_code
),
grouped as (
    select survey, year, group_by,
        case group_by when 'all' then 'all'
            when 'years_in_us' then coalesce(years_in_us_band, 'missing')
            when 'country_of_birth' then coalesce(country_of_birth, 'missing')
            else coalesce(state_name, 'missing') end as group_value,
        member_association, sends_remittances, w
    from responses, (values ('all'), ('years_in_us'), ('country_of_birth'), ('origin_state')) as g (group_by)
    where group_by <> 'origin_state' or born_in_mexico
),
direct as (
    select survey, year, group_by, group_value, count(*) as respondents,
        (coalesce(sum(w) filter (where member_association = 'Y'), 0))::double
            / nullif(sum(w) filter (where member_association in ('Y', 'N')), 0)::double as weighted_member_rate,
        (coalesce(sum(w) filter (where sends_remittances = 'Y'), 0))::double
            / nullif(sum(w) filter (where sends_remittances in ('Y', 'N')), 0)::double as weighted_remit_rate,
        count(*) - count(*) filter (where member_association in ('Y', 'N')) as member_excluded,
        count(*) - count(*) filter (where sends_remittances in ('Y', 'N')) as remit_excluded,
        count(*) filter (where member_association in ('Y', 'N')) as member_answered,
        count(*) filter (where member_association = 'DK') as member_dk,
        count(*) filter (where member_association = 'REF') as member_ref,
        count(*) filter (where member_association is null) as member_blank,
        count(*) filter (where sends_remittances in ('Y', 'N')) as remit_answered,
        count(*) filter (where sends_remittances = 'DK') as remit_dk,
        count(*) filter (where sends_remittances = 'REF') as remit_ref,
        count(*) filter (where sends_remittances is null) as remit_blank,
        sum(w)::decimal(38, 6) as weight_total,
        coalesce(sum(w) filter (where member_association = 'Y'), 0)::decimal(38, 6) as member_weight_yes,
        coalesce(sum(w) filter (where member_association in ('Y', 'N')), 0)::decimal(38, 6) as member_weight_answered,
        coalesce(sum(w) filter (where member_association = 'DK'), 0)::decimal(38, 6) as member_weight_dk,
        coalesce(sum(w) filter (where member_association = 'REF'), 0)::decimal(38, 6) as member_weight_ref,
        coalesce(sum(w) filter (where member_association is null), 0)::decimal(38, 6) as member_weight_blank,
        coalesce(sum(w) filter (where sends_remittances = 'Y'), 0)::decimal(38, 6) as remit_weight_yes,
        coalesce(sum(w) filter (where sends_remittances in ('Y', 'N')), 0)::decimal(38, 6) as remit_weight_answered,
        coalesce(sum(w) filter (where sends_remittances = 'DK'), 0)::decimal(38, 6) as remit_weight_dk,
        coalesce(sum(w) filter (where sends_remittances = 'REF'), 0)::decimal(38, 6) as remit_weight_ref,
        coalesce(sum(w) filter (where sends_remittances is null), 0)::decimal(38, 6) as remit_weight_blank,
        least(count(*) filter (where member_association in ('Y', 'N')),
            count(*) filter (where sends_remittances in ('Y', 'N'))) < small_n_threshold() as small_n
    from grouped group by all
),
stored as (select * exclude (group_order) from agg_survey_rates)
select 'missing from agg_survey_rates' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
union all
-- an answer other than Y, N, DK, REF or blank would be excluded without a column of its own
select 'an answer is neither Y, N, DK, REF nor blank', survey, year, group_by, group_value, respondents,
    null, null, member_excluded, remit_excluded, null, null, null, null, null, null, null, null,
    null, null, null, null, null, null, null, null, null, null, null, null
from agg_survey_rates
where member_excluded <> member_dk + member_ref + member_blank or remit_excluded <> remit_dk + remit_ref + remit_blank
union all
select 'group_order is not 1, 2, … in numeric band order', survey, year, group_by, group_value, respondents,
    null, null, null, null, null, null, null, null, null, null, null, null,
    null, null, null, null, null, null, null, null, null, null, null, null
from agg_survey_rates
qualify group_order <> row_number() over (partition by survey, year, group_by
    order by group_value = 'missing', try_cast(regexp_extract(group_value, '^([0-9]+)', 1) as integer) nulls last,
        group_value)
