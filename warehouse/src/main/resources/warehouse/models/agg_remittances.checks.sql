-- check: agg_remittances_family_totals_equal_the_fact
-- every state's complete-year family remittances in the aggregate equal the sum of its periods in
-- fact_remittances, and a year without all its periods has no figure
with
fact_years as (
    select f.state_code, f.year, count(f.remittances_usd) as periods,
        max(case f.periodicity when 'QUARTERLY' then 4 else 12 end) as periods_in_year,
        sum(f.remittances_usd) as usd, count(distinct f.series_id) as series
    from fact_remittances f
    where f.series_level = 'STATE_TOTAL' and f.geography_key <> 0
    group by f.state_code, f.year
),
single_series as (
    select state_code, year from fact_years where series = 1
),
expected as (
    select state_code, year, case when periods = periods_in_year then usd end as family_usd, periods
    from fact_years where series = 1
),
stored as (
    select a.origin_state_code as state_code, a.year, a.family_usd, a.periods
    from agg_remittances a
    join single_series s on s.state_code = a.origin_state_code and s.year = a.year
    where a.municipality is null and a.periods is not null
)
select 'missing from agg_remittances' as problem, * from (select * from expected except all select * from stored)
union all
select 'not in the fact', * from (select * from stored except all select * from expected)

-- check: agg_remittances_migrant_dollars_equal_the_3x1_facts
-- per year, the states' rows hold every non-cancelled 3x1 project placed in a Mexican state
with
fact as (
    select f.year, sum(f.migrant_usd) as migrant_usd
    from fact_project_funding f join dim_geography g on g.geography_key = f.origin_geography_key
    where not f.is_cancelled and g.state_code is not null
    group by f.year
),
stored as (
    select year, sum(migrant_3x1_usd) as migrant_usd from agg_remittances
    where municipality is null and migrant_3x1_usd is not null group by year
)
select coalesce(fact.year, stored.year) as year, fact.migrant_usd as fact_migrant_usd, stored.migrant_usd as view_migrant_usd
from fact full outer join stored on fact.year = stored.year
where fact.migrant_usd is distinct from stored.migrant_usd and coalesce(fact.migrant_usd, 0) <> 0
