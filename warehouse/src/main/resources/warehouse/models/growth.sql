-- growth(from_year, to_year): a table macro giving, for each headline measure, its values in the
-- two years, the change (x_b / x_a - 1) and the compound annual growth rate
-- ((x_b / x_a)^(1 / (b - a)) - 1), both as fractions. A measure the warehouse has no figure for
-- in a year (registered associations in a year without a registry snapshot) gives NULLs.
-- The figures come from agg_year_measures, computed at build time, so a call reads a few
-- hundred rows instead of scanning the facts once per measure.
--   select * from growth(2008, 2019);
create or replace macro growth(from_year, to_year) as table
with
measures as (
    select measure, year, value from agg_year_measures
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
