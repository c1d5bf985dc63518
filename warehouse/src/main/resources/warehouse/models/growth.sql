-- growth(from_year, to_year): a table macro giving, for each headline measure, its values in the
-- two years, the change (x_b / x_a - 1) and the compound annual growth rate
-- ((x_b / x_a)^(1 / (b - a)) - 1), both as fractions. A measure the warehouse has no figure for
-- in a year (registered associations in a year without a registry snapshot) gives NULLs.
--   select * from growth(2008, 2019);
create or replace macro growth(from_year, to_year) as table
with
measures as (
    select 'registered_associations' as measure, year, count(*) filter (where registered)::double as value
    from fact_association_year where registered is not null group by year
    union all
    select 'projects_3x1', year, count(*)::double from fact_project_funding where not is_cancelled group by year
    union all
    select 'clubs_3x1', year, count(distinct association_id)::double
    from fact_project_funding where not is_cancelled group by year
    union all
    select 'total_mxn', year, sum(total_mxn)::double from fact_project_funding where not is_cancelled group by year
    union all
    select 'total_mxn_const', year, sum(total_mxn_const)::double
    from fact_project_funding where not is_cancelled group by year
    union all
    select 'migrant_mxn_const', year, sum(migrant_mxn_const)::double
    from fact_project_funding where not is_cancelled group by year
    union all
    select 'total_usd', year, sum(total_usd)::double from fact_project_funding where not is_cancelled group by year
),
names as (
    select * from (values ('registered_associations', 1), ('projects_3x1', 2), ('clubs_3x1', 3), ('total_mxn', 4),
        ('total_mxn_const', 5), ('migrant_mxn_const', 6), ('total_usd', 7)) as t (measure, position)
)
select
    names.measure,
    from_year::integer as from_year,
    to_year::integer as to_year,
    a.value as from_value,
    b.value as to_value,
    case when a.value > 0 then b.value / a.value - 1 end as change,
    case when a.value > 0 and b.value >= 0 and to_year > from_year
        then pow(b.value / a.value, 1.0 / (to_year - from_year)) - 1 end as cagr
from names
left join measures as a on a.measure = names.measure and a.year = from_year
left join measures as b on b.measure = names.measure and b.year = to_year
order by names.position
