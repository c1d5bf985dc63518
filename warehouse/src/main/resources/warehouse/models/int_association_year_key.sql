-- int_association_year_key (view): which version of an association a fact of a year points to.
-- The version in force on 31 December of the year; failing that (deregistered before the end of
-- the year) the latest version begun by then; failing that (not yet registered) the first one.
with

versions as (
    select association_id, association_key, valid_from, valid_to
    from dim_association
    where association_key <> 0
),

years as (
    select year from dim_year where year is not null
),

candidates as (
    select
        versions.association_id,
        years.year,
        versions.association_key,
        versions.valid_from,
        case
            when versions.valid_from <= make_date(years.year, 12, 31)
                and versions.valid_to > make_date(years.year, 12, 31) then 0
            when versions.valid_from <= make_date(years.year, 12, 31) then 1
            else 2
        end as preference
    from versions
    cross join years
)

select association_id, year, association_key
from candidates
qualify row_number() over (
    partition by association_id, year
    order by preference, case when preference = 2 then valid_from end, valid_from desc) = 1
