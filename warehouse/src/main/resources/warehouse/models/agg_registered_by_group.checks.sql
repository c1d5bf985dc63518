-- check: agg_registered_by_group_equals_the_facts
-- Registered associations per observed year and group, counted straight from fact_association_year
-- and the dimensions, against the aggregate: every group with a registered association in some
-- observed year must have a row in every observed year, with the count (0 when none); nothing else.
with
placed as (
    select f.year, f.registered,
        coalesce(a.us_state_code, case when a.country is not null then 'Outside US' end, 'Unknown') as us_state,
        coalesce(s.state_code, 'Unknown') as origin_state,
        coalesce(c.consulate_id, 'Unknown') as consulate
    from fact_association_year f
    join dim_association a using (association_key)
    left join dim_geography s on s.geography_level = 'MX_STATE' and s.state_code = a.origin_state_code
    left join dim_consulate c on c.consulate_key <> 0 and c.consulate_id = a.consulate_id
    where f.registered is not null
),
long as (
    select year, 'all' as group_by, 'all' as group_value, registered from placed
    union all select year, 'us_state', us_state, registered from placed
    union all select year, 'origin_state', origin_state, registered from placed
    union all select year, 'consulate', consulate, registered from placed
),
seen as (select distinct group_by, group_value from long where registered),
counted as (select year, group_by, group_value, count(*) filter (where registered) as registered from long group by all),
direct as (
    select y.year, seen.group_by, seen.group_value, coalesce(counted.registered, 0) as registered
    from (select distinct year from placed) y
    cross join seen
    left join counted on counted.year = y.year and counted.group_by = seen.group_by
        and counted.group_value = seen.group_value
),
stored as (select year, group_by, group_value, registered from agg_registered_by_group)
select 'missing from agg_registered_by_group' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
union all
select 'national total differs from v_association_growth', t.year, 'all', 'all', t.registered
from (select year, sum(registered) as registered from agg_association_growth group by year) t
left join agg_registered_by_group g on g.group_by = 'all' and g.year = t.year
where g.registered is distinct from t.registered
