-- Per Mexican state: family remittances (Banco de México) against the migrants' 3x1 dollars in the
-- report's year, and both in the first year of the period with a family remittance figure, for
-- their change over the period. From v_remittances' state rows (municipality is null); and, for a
-- report year without a family figure, from the state's series in fact_remittances: the unit of
-- its periods and whether a series is complete.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

states as (
    select v_remittances.*
    from v_remittances, params
    where municipality is null and year between params.from_year and params.to_year
),

listed as (
    select distinct origin_state_code, origin_state from states
),

-- The series behind a state row of agg_remittances in the report's year (a state's total series
-- placed in it): how many periods each has a figure for, and whether that is all of its year.
state_series as (
    select
        f.state_code as origin_state_code,
        f.series_id,
        any_value(f.periodicity) as periodicity,
        count(f.remittances_usd) as periods,
        count(f.remittances_usd) = max(case f.periodicity when 'QUARTERLY' then 4 else 12 end) as complete
    from fact_remittances as f, params
    where f.series_level = 'STATE_TOTAL' and f.geography_key <> 0 and f.year = params.to_year
    group by f.state_code, f.series_id
),

with_most as (
    select *, max(periods) over (partition by origin_state_code) as most_periods from state_series
),

-- periods in v_remittances is the most any of the state's series has: their unit is that series',
-- NULL where series of both units have that many (which one it counts cannot be told). A complete
-- series in a year without a figure means the complete series disagree.
period_units as (
    select
        origin_state_code,
        case when count(distinct periodicity) filter (where periods = most_periods) = 1
            then any_value(periodicity) filter (where periods = most_periods) end as periodicity,
        count(*) filter (where complete) as complete_series
    from with_most
    group by origin_state_code
),

first_years as (
    select origin_state_code, min(year) as first_year
    from states, params
    where family_usd is not null and year < params.to_year
    group by origin_state_code
)

select
    listed.origin_state_code,
    listed.origin_state,
    report_year.family_usd,
    report_year.periods,
    period_units.periodicity,
    period_units.complete_series,
    report_year.migrant_3x1_usd,
    report_year.collective_share_pct,
    first_years.first_year,
    first_year.family_usd as first_family_usd,
    first_year.migrant_3x1_usd as first_migrant_3x1_usd
from listed
cross join params
left join states as report_year
    on report_year.origin_state_code = listed.origin_state_code and report_year.year = params.to_year
left join period_units on period_units.origin_state_code = listed.origin_state_code
left join first_years on first_years.origin_state_code = listed.origin_state_code
left join states as first_year
    on first_year.origin_state_code = listed.origin_state_code and first_year.year = first_years.first_year
order by report_year.family_usd desc nulls last, report_year.migrant_3x1_usd desc nulls last, listed.origin_state
