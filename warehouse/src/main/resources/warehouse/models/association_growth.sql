-- association_growth(by_group, from_year, to_year): a table macro giving, for each group of one grouping
-- of v_registered_by_group ('all', 'us_state', 'origin_state' or 'consulate'), the registered
-- associations in two snapshot years, the change (x_b / x_a - 1) and the compound annual growth
-- rate ((x_b / x_a)^(1 / (b - a)) - 1), both fractions as DECIMAL(18, 6). A bound is a year, or
-- 'first' / 'last': the first or last registry snapshot year. A year without a snapshot has no
-- figure: its values, change and cagr are NULL (never 0); so are the change and cagr of a group
-- that had none at the start (growth from zero is not defined).
--   select * from association_growth('us_state', 'first', 'last') where group_value = 'CA';
create or replace macro association_growth(by_group, from_year, to_year) as table
with
registered as (
    select year, group_by, group_value, group_name, registered from v_registered_by_group
),
years as (
    select min(year) as first_year, max(year) as last_year from registered
),
bounds as (
    select
        case lower(from_year::varchar) when 'first' then years.first_year when 'last' then years.last_year
            else coalesce(try_cast(from_year::varchar as integer), error(
                'association_growth: from_year must be a year, ''first'' or ''last'', not ''' || from_year::varchar || ''''))
        end as from_year,
        case lower(to_year::varchar) when 'first' then years.first_year when 'last' then years.last_year
            else coalesce(try_cast(to_year::varchar as integer), error(
                'association_growth: to_year must be a year, ''first'' or ''last'', not ''' || to_year::varchar || ''''))
        end as to_year
    from years
),
groups as (
    select group_by, group_value, max(group_name) as group_name
    from registered
    where group_by = coalesce(
        case when lower(by_group::varchar) in ('all', 'us_state', 'origin_state', 'consulate') then lower(by_group::varchar) end,
        error('association_growth: by_group must be ''all'', ''us_state'', ''origin_state'' or ''consulate'', not '''
            || by_group::varchar || ''''))
    group by group_by, group_value
)
select
    groups.group_by,
    groups.group_value,
    groups.group_name,
    bounds.from_year,
    bounds.to_year,
    a.registered as from_registered,
    b.registered as to_registered,
    case when a.registered > 0 and b.registered is not null
        then round(b.registered::double / a.registered - 1, 6)::decimal(18, 6) end as change,
    case when a.registered > 0 and b.registered is not null and bounds.to_year > bounds.from_year
        then round(pow(b.registered::double / a.registered, 1.0 / (bounds.to_year - bounds.from_year)) - 1, 6)
            ::decimal(18, 6)
    end as cagr
from groups
cross join bounds
left join registered as a
    on a.group_by = groups.group_by and a.group_value = groups.group_value and a.year = bounds.from_year
left join registered as b
    on b.group_by = groups.group_by and b.group_value = groups.group_value and b.year = bounds.to_year
order by groups.group_by, b.registered desc nulls last, groups.group_value
