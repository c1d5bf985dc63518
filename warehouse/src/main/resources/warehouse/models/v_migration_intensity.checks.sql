-- check: v_migration_intensity_totals_equal_the_fact
-- every year's projects and migrant dollars, over the grades, are fact_project_funding's
with
view_totals as (
    select year, sum(projects_3x1) as projects, sum(migrant_3x1_usd) as migrant_usd
    from v_migration_intensity where projects_3x1 is not null group by year having sum(projects_3x1) > 0
),
fact_totals as (
    select year, count(*) as projects, sum(migrant_usd) as migrant_usd
    from fact_project_funding where not is_cancelled group by year
)
select coalesce(v.year, f.year) as year, v.projects as view_projects, f.projects as fact_projects,
    v.migrant_usd as view_migrant_usd, f.migrant_usd as fact_migrant_usd
from view_totals v full outer join fact_totals f on v.year = f.year
where (v.projects, v.migrant_usd) is distinct from (f.projects, f.migrant_usd)
