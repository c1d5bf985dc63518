-- agg_registered_by_group (aggregate table behind the view v_registered_by_group and the macro
-- association_growth): registered associations per observed registry year and group, for four
-- groupings: 'all' (the national total), 'us_state', 'origin_state' and 'consulate'. Every group
-- seen in any observed year has a row in every observed year, 0 when it had no registered
-- association then: in a year with a snapshot "none" is a figure. Years without a snapshot have
-- no row (no figure, not zero). The association's attributes are those of its version for the
-- year (int_association_year_key), as in v_association_growth. Built whole on every build.
with

association_years as (
    select * from fact_association_year where registered is not null
),

associations as (
    select association_key, us_state_code, country, origin_state_code, consulate_id from dim_association
),

states as (
    select state_code, state_name from dim_geography where geography_level = 'MX_STATE'
),

us_states as (
    select usps_code, us_state_name from dim_geography where geography_level = 'US_STATE'
),

consulates as (
    select consulate_id, consulate_name from dim_consulate where consulate_key <> 0
),

observed_years as (
    select distinct year, snapshot_date from association_years
),

placed as (
    select
        association_years.year,
        association_years.registered,
        coalesce(associations.us_state_code,
            case when associations.country is not null then 'Outside US' end, 'Unknown') as us_state,
        coalesce(us_states.us_state_name, associations.us_state_code,
            case when associations.country is not null then 'Outside US' end, 'Unknown') as us_state_name,
        coalesce(states.state_code, 'Unknown') as origin_state,
        coalesce(states.state_name, 'Unknown') as origin_state_name,
        coalesce(consulates.consulate_id, 'Unknown') as consulate,
        coalesce(consulates.consulate_name, 'Unknown') as consulate_name
    from association_years
    join associations using (association_key)
    left join states on states.state_code = associations.origin_state_code
    left join us_states on us_states.usps_code = associations.us_state_code
    left join consulates on consulates.consulate_id = associations.consulate_id
),

grouped as (
    select year, 'all' as group_by, 'all' as group_value, 'All' as group_name,
        count(*) filter (where registered) as registered
    from placed group by year
    union all
    select year, 'us_state', us_state, us_state_name, count(*) filter (where registered)
    from placed group by year, us_state, us_state_name
    union all
    select year, 'origin_state', origin_state, origin_state_name, count(*) filter (where registered)
    from placed group by year, origin_state, origin_state_name
    union all
    select year, 'consulate', consulate, consulate_name, count(*) filter (where registered)
    from placed group by year, consulate, consulate_name
),

groups as (
    select group_by, group_value, max(group_name) as group_name
    from grouped
    where registered > 0
    group by group_by, group_value
),

grid as (
    select
        observed_years.year,
        observed_years.snapshot_date,
        groups.group_by,
        groups.group_value,
        groups.group_name,
        coalesce(grouped.registered, 0) as registered
    from observed_years
    cross join groups
    left join grouped
        on grouped.year = observed_years.year
        and grouped.group_by = groups.group_by
        and grouped.group_value = groups.group_value
)

select * from grid
