-- Registered, new and deregistered associations per year of the period, summed over the groups of
-- v_association_growth, and the change from the previous observed snapshot year (which may lie
-- before the period). Years without a snapshot have no row here.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
),

growth as (
    select * from v_association_growth
),

national as (
    select
        year,
        sum(registered) as registered,
        sum(new) as new,
        sum(deregistered) as deregistered
    from growth
    group by year
),

compared as (
    select
        year,
        registered,
        new,
        deregistered,
        lag(year) over (order by year) as previous_year,
        lag(registered) over (order by year) as previous_registered
    from national
)

select
    compared.year,
    compared.registered,
    compared.new,
    compared.deregistered,
    compared.previous_year,
    case when compared.previous_registered > 0
        then compared.registered::double / compared.previous_registered - 1 end as change_from_previous
from compared, params
where compared.year between params.from_year and params.to_year
order by compared.year
