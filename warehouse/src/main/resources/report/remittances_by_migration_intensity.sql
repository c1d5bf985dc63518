-- 3x1 projects and family remittances in the report's year by CONAPO 2020 grade of migration
-- intensity of the municipality (v_migration_intensity), from the most intense grade down.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select
    migration_intensity_grade,
    grade_order,
    municipalities,
    municipalities_with_projects,
    projects_3x1,
    migrant_3x1_usd,
    municipalities_with_remittances,
    family_usd,
    collective_share_pct
from v_migration_intensity, params
where year = params.to_year
order by grade_order
