-- check: agg_association_growth_equals_the_facts
-- Registered, new and deregistered associations per year and group, counted straight from
-- fact_association_year and dim_association, against the aggregate: a differing or missing
-- group is offending. prev_snapshot_year must be the previous observed year, and yoy_pct,
-- prev_snapshot_registered and change_since_prev_snapshot_pct are checked against the stored
-- registered figures of that year.
with
placed as (
    select f.year, f.registered, f.is_new, f.is_deregistered,
        coalesce(a.us_state_code, case when a.country is not null then 'Outside US' end, 'Unknown') as us_state,
        coalesce(s.state_name, 'Unknown') as origin_state
    from fact_association_year f
    join dim_association a using (association_key)
    left join dim_geography s on s.geography_level = 'MX_STATE' and s.state_code = a.origin_state_code
    where f.registered is not null
),
direct as (
    select year, us_state, origin_state, count(*) filter (where registered) as registered,
        case when count(is_new) = 0 then null else count(*) filter (where is_new) end as new,
        case when count(is_deregistered) = 0 then null else count(*) filter (where is_deregistered) end as deregistered
    from placed group by all
),
stored as (select year, us_state, origin_state, registered, new, deregistered from agg_association_growth),
previous_year as (
    select year, (select max(p.year) from placed p where p.year < y.year) as previous_year
    from (select distinct year from placed) y
),
yoy as (
    select g.year, g.us_state, g.origin_state, g.yoy_pct, g.prev_snapshot_year, g.prev_snapshot_registered,
        g.change_since_prev_snapshot_pct, previous_year.previous_year as expected_previous_year,
        case when previous_year.previous_year is not null then coalesce(prev.registered, 0) end as expected_previous,
        case when prev.registered > 0 then 100.0 * (g.registered::double / prev.registered - 1) end as expected
    from agg_association_growth g
    join previous_year using (year)
    left join agg_association_growth prev on prev.year = previous_year.previous_year
        and prev.us_state = g.us_state and prev.origin_state = g.origin_state
)
select 'missing from agg_association_growth' as problem, year, us_state, origin_state
from (select * from direct except all select * from stored)
union all
select 'not in the facts', year, us_state, origin_state from (select * from stored except all select * from direct)
union all
select 'yoy_pct differs', year, us_state, origin_state from yoy where yoy_pct is distinct from expected
union all
select 'prev_snapshot_year or prev_snapshot_registered differs', year, us_state, origin_state from yoy
where prev_snapshot_year is distinct from expected_previous_year or prev_snapshot_registered is distinct from expected_previous
union all
select 'change_since_prev_snapshot_pct differs', year, us_state, origin_state from yoy
where change_since_prev_snapshot_pct is distinct from round(expected, 2)::decimal(18, 2)
