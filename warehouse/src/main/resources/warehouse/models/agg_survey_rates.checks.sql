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
        count(*) - count(*) filter (where sends_remittances in ('Y', 'N')) as remit_excluded
    from grouped group by all
),
stored as (select * from agg_survey_rates)
select 'missing from agg_survey_rates' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
