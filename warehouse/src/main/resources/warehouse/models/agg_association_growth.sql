-- agg_association_growth (aggregate table behind the view v_association_growth): registered
-- associations per observed registry year, US state and Mexican state of origin, with the new and
-- deregistered ones, the previous observed year (prev_snapshot_year, which may lie several years
-- before) and the change since it in percent (yoy_pct as a DOUBLE, kept for existing queries, and
-- change_since_prev_snapshot_pct as a DECIMAL). Only years with a registry snapshot appear. Built
-- whole on every build: the change from the previous observed year ties each year to the one before.
with

association_years as (
    select * from fact_association_year where registered is not null
),

associations as (
    select association_key, us_state_code, country, origin_state_code from dim_association
),

states as (
    select state_code, state_name from dim_geography where geography_level = 'MX_STATE'
),

placed as (
    select
        association_years.year,
        coalesce(associations.us_state_code,
            case when associations.country is not null then 'Outside US' end, 'Unknown') as us_state,
        coalesce(states.state_name, 'Unknown') as origin_state,
        association_years.registered,
        association_years.is_new,
        association_years.is_deregistered
    from association_years
    join associations using (association_key)
    left join states on states.state_code = associations.origin_state_code
),

grouped as (
    select
        year,
        us_state,
        origin_state,
        count(*) filter (where registered) as registered,
        case when bool_and(is_new is null) then null else count(*) filter (where is_new) end as new,
        case when bool_and(is_deregistered is null) then null
            else count(*) filter (where is_deregistered) end as deregistered
    from placed
    group by year, us_state, origin_state
),

observed_years as (
    select year, lag(year) over (order by year) as previous_year
    from (select distinct year from association_years)
),

compared as (
    select
        grouped.year,
        grouped.us_state,
        grouped.origin_state,
        grouped.registered,
        grouped.new,
        grouped.deregistered,
        case when previous.registered > 0
            then 100.0 * (grouped.registered::double / previous.registered - 1)
        end as yoy_pct,
        observed_years.previous_year as prev_snapshot_year,
        case when observed_years.previous_year is not null then coalesce(previous.registered, 0) end
            as prev_snapshot_registered,
        case when previous.registered > 0
            then round(100 * (grouped.registered::double / previous.registered - 1), 2)::decimal(18, 2)
        end as change_since_prev_snapshot_pct
    from grouped
    join observed_years using (year)
    left join grouped as previous
        on previous.year = observed_years.previous_year
        and previous.us_state = grouped.us_state
        and previous.origin_state = grouped.origin_state
)

select * from compared
