-- agg_remittances (aggregate table behind the view v_remittances): per year and place (a Mexican
-- state, a municipality, a state's unknown municipality), the family remittances Banco de México
-- reports against the migrants' 3x1 contributions. Built whole on every build from fact_remittances
-- and fact_project_funding: it is small, and reading the facts here spares every analyst query.
--
-- A year's family remittances are the sum of its periods and exist only for a complete year (four
-- quarters, or twelve months, each with a figure); an incomplete year has none, and periods says
-- how many it has. A place with several series (a quarterly and a monthly one) has a figure only
-- where the complete ones agree. The 3x1 side: non-cancelled projects of the fiscal year at the
-- place (a state's row counts every project in the state); 0 in a year the warehouse has 3x1 data
-- for and no project there; NULL in a year without 3x1 data, and on a state's unknown municipality
-- (the projects placed in no municipality are not Banco de México's No identificado). Rows are
-- stored by place (each state's row, then its municipalities), then year.
with

remittances as (
    select * from fact_remittances
    where series_level in ('STATE_TOTAL', 'MUNICIPALITY', 'NOT_IDENTIFIED') and geography_key <> 0
),

series_years as (
    select
        geography_key,
        series_id,
        year,
        max(case periodicity when 'QUARTERLY' then 4 else 12 end) as periods_in_year,
        count(remittances_usd) as periods,
        sum(remittances_usd) as usd,
        count(remittances_mxn_const) as periods_in_pesos,
        sum(remittances_mxn_const) as mxn_const
    from remittances
    group by geography_key, series_id, year
),

place_years as (
    select
        geography_key,
        year,
        max(periods) as periods,
        count(distinct usd) filter (where periods = periods_in_year) as complete_totals,
        min(usd) filter (where periods = periods_in_year) as usd,
        count(distinct mxn_const) filter (where periods_in_pesos = periods_in_year) as complete_pesos,
        min(mxn_const) filter (where periods_in_pesos = periods_in_year) as mxn_const
    from series_years
    group by geography_key, year
),

family as (
    select
        geography_key,
        year,
        periods,
        case when complete_totals = 1 then usd end as family_usd,
        case when complete_totals = 1 and complete_pesos = 1 then mxn_const end as family_mxn_const
    from place_years
),

geography as (
    select * from dim_geography
),

projects as (
    select year, origin_geography_key, migrant_usd, migrant_mxn_const
    from fact_project_funding
    where not is_cancelled
),

placed_projects as (
    select projects.*, geography.geography_level, geography.state_code
    from projects
    join geography on geography.geography_key = projects.origin_geography_key
    where geography.state_code is not null
),

municipal_3x1 as (
    select year, origin_geography_key as geography_key, sum(migrant_usd) as migrant_3x1_usd,
        sum(migrant_mxn_const) as migrant_3x1_mxn_const
    from placed_projects
    where geography_level = 'MX_MUNICIPALITY'
    group by year, origin_geography_key
),

state_3x1 as (
    select placed_projects.year, states.geography_key, sum(placed_projects.migrant_usd) as migrant_3x1_usd,
        sum(placed_projects.migrant_mxn_const) as migrant_3x1_mxn_const
    from placed_projects
    join geography as states on states.geography_level = 'MX_STATE' and states.state_code = placed_projects.state_code
    group by placed_projects.year, states.geography_key
),

collective as (
    select * from municipal_3x1
    union all
    select * from state_3x1
),

program_years as (
    select year from dim_year where has_projects
),

joined as (
    select
        coalesce(family.year, collective.year) as year,
        coalesce(family.geography_key, collective.geography_key) as geography_key,
        family.periods,
        family.family_usd,
        family.family_mxn_const,
        collective.migrant_3x1_usd,
        collective.migrant_3x1_mxn_const
    from family
    full outer join collective
        on collective.geography_key = family.geography_key and collective.year = family.year
),

measured as (
    select
        joined.year,
        geography.state_code as origin_state_code,
        geography.state_name as origin_state,
        geography.municipality_key,
        case when geography.geography_level = 'MX_STATE' then null else geography.municipality_name end as municipality,
        joined.family_usd,
        joined.family_mxn_const,
        case
            when joined.migrant_3x1_usd is not null then joined.migrant_3x1_usd
            when geography.geography_level in ('MX_STATE', 'MX_MUNICIPALITY')
                and joined.year in (select year from program_years) then 0
        end::decimal(38, 2) as migrant_3x1_usd,
        case
            when joined.migrant_3x1_mxn_const is not null then joined.migrant_3x1_mxn_const
            when geography.geography_level in ('MX_STATE', 'MX_MUNICIPALITY')
                and joined.year in (select year from program_years) then 0
        end::decimal(38, 2) as migrant_3x1_mxn_const,
        joined.periods
    from joined
    join geography on geography.geography_key = joined.geography_key
)

select
    year,
    origin_state_code,
    origin_state,
    municipality_key,
    municipality,
    family_usd,
    family_mxn_const,
    migrant_3x1_usd,
    migrant_3x1_mxn_const,
    case when family_usd > 0 and migrant_3x1_usd is not null
        then (100 * migrant_3x1_usd / family_usd)::double end as collective_share_pct,
    periods
from measured
order by origin_state_code, municipality_key nulls first, municipality, year
