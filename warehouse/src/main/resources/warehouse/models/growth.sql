-- growth(from_year, to_year): a table macro giving, for each headline measure, its values in the
-- two years, the change (x_b / x_a - 1) and the compound annual growth rate
-- ((x_b / x_a)^(1 / (b - a)) - 1), both as fractions. A bound is a year, or 'first' / 'last': the
-- first or last year the measure has a figure (for registered associations the first or last
-- registry snapshot year, for the 3x1 measures the first or last fiscal year with projects). A
-- measure the warehouse has no figure for in a year (registered associations in a year without a
-- registry snapshot) gives NULLs. Values are DECIMAL(38, 2), change and cagr DECIMAL(18, 6).
-- The figures come from agg_year_measures, computed at build time, so a call reads a few
-- hundred rows instead of scanning the facts once per measure.
--   select * from growth(2008, 2019);
--   select * from growth('first', 'last');
create or replace macro growth(from_year, to_year) as table
with
measures as (
    select measure, year, value from agg_year_measures
),
names as (
    select * from (values ('registered_associations', 1), ('projects_3x1', 2), ('clubs_3x1', 3), ('total_mxn', 4),
        ('total_mxn_const', 5), ('migrant_mxn_const', 6), ('total_usd', 7)) as t (measure, position)
),
spans as (
    select measure, min(year) as first_year, max(year) as last_year from measures group by measure
),
bounds as (
    select
        names.measure,
        names.position,
        case lower(from_year::varchar) when 'first' then spans.first_year when 'last' then spans.last_year
            else coalesce(try_cast(from_year::varchar as integer),
                error('growth: from_year must be a year, ''first'' or ''last'', not ''' || from_year::varchar || ''''))
        end as from_year,
        case lower(to_year::varchar) when 'first' then spans.first_year when 'last' then spans.last_year
            else coalesce(try_cast(to_year::varchar as integer),
                error('growth: to_year must be a year, ''first'' or ''last'', not ''' || to_year::varchar || ''''))
        end as to_year
    from names
    left join spans using (measure)
)
select
    bounds.measure,
    bounds.from_year,
    bounds.to_year,
    a.value as from_value,
    b.value as to_value,
    case when a.value > 0 then round(b.value::double / a.value::double - 1, 6)::decimal(18, 6) end as change,
    case when a.value > 0 and b.value >= 0 and bounds.to_year > bounds.from_year
        then round(pow(b.value::double / a.value::double, 1.0 / (bounds.to_year - bounds.from_year)) - 1, 6)
            ::decimal(18, 6)
    end as cagr
from bounds
left join measures as a on a.measure = bounds.measure and a.year = bounds.from_year
left join measures as b on b.measure = bounds.measure and b.year = bounds.to_year
order by bounds.position
