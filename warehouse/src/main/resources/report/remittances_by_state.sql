-- Per Mexican state: family remittances (Banco de México) against the migrants' 3x1 dollars in the
-- report's year, and both in the first year of the period with a family remittance figure, for
-- their change over the period. From v_remittances' state rows (municipality is null).
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
    report_year.migrant_3x1_usd,
    report_year.collective_share_pct,
    first_years.first_year,
    first_year.family_usd as first_family_usd,
    first_year.migrant_3x1_usd as first_migrant_3x1_usd
from listed
cross join params
left join states as report_year
    on report_year.origin_state_code = listed.origin_state_code and report_year.year = params.to_year
left join first_years on first_years.origin_state_code = listed.origin_state_code
left join states as first_year
    on first_year.origin_state_code = listed.origin_state_code and first_year.year = first_years.first_year
order by report_year.family_usd desc nulls last, report_year.migrant_3x1_usd desc nulls last, listed.origin_state
