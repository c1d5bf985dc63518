-- check: agg_club_participation_equals_the_facts
-- Clubs taking part per fiscal year counted straight from fact_project_funding (distinct
-- associations on non-cancelled projects), the registered ones among them from the year's registry
-- listing in fact_association_year (NULL in a year without a snapshot), against the aggregate.
with
clubs as (
    select distinct year, association_id from fact_project_funding where not is_cancelled
),
direct as (
    select clubs.year, count(*) as clubs_3x1,
        case when bool_or(y.has_registry_snapshot) then count(f.association_id) filter (where f.registered) end
            as registered_clubs_3x1
    from clubs
    join dim_year y on y.year = clubs.year
    left join fact_association_year f on f.year = clubs.year and f.association_id = clubs.association_id
    group by clubs.year
),
stored as (select year, clubs_3x1, registered_clubs_3x1 from agg_club_participation)
select 'missing from agg_club_participation' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
union all
select 'registered share or snapshot flag wrong', year, clubs_3x1, registered_clubs_3x1 from agg_club_participation
where registered_share_pct is distinct from
        case when clubs_3x1 > 0 and registered_clubs_3x1 is not null
            then round(100.0 * registered_clubs_3x1 / clubs_3x1, 2)::decimal(5, 2) end
    or has_registry_snapshot <> (registered_clubs_3x1 is not null)
