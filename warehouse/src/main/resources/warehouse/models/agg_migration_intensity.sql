-- agg_migration_intensity (aggregate table behind the view v_migration_intensity): 3x1 projects and
-- family remittances per year and CONAPO 2020 grade of migration intensity of their municipality.
-- A project or a remittance series not placed in a graded municipality (placed only in its state,
-- Banco de México's No identificado, a municipality created after 2020) is in grade 'Unknown', so
-- every year's projects add up. Family remittances are those of municipalities with a complete year
-- (agg_remittances); the collective share compares them with the 3x1 dollars of those same
-- municipalities. Built whole on every build, after agg_remittances.
with

municipalities as (
    select geography_key, municipality_key, coalesce(migration_intensity_grade, 'Unknown') as grade
    from dim_geography
    where geography_level = 'MX_MUNICIPALITY'
),

grades as (
    select * from (values
        ('Muy alto', 1), ('Alto', 2), ('Medio', 3), ('Bajo', 4), ('Muy bajo', 5), ('Nulo', 6), ('Unknown', 7)
    ) as g (grade, grade_order)
),

grade_sizes as (
    select grade, count(*) as municipalities from municipalities group by grade
),

program_years as (
    select year from dim_year where has_projects
),

projects as (
    select
        fact_project_funding.year,
        fact_project_funding.migrant_usd,
        fact_project_funding.migrant_mxn_const,
        municipalities.municipality_key,
        coalesce(municipalities.grade, 'Unknown') as grade
    from fact_project_funding
    left join municipalities on municipalities.geography_key = fact_project_funding.origin_geography_key
    where not fact_project_funding.is_cancelled
),

program as (
    select
        year,
        grade,
        count(*) as projects_3x1,
        count(distinct municipality_key) as municipalities_with_projects,
        sum(migrant_usd) as migrant_3x1_usd,
        sum(migrant_mxn_const) as migrant_3x1_mxn_const
    from projects
    group by year, grade
),

family as (
    select
        agg_remittances.year,
        coalesce(municipalities.grade, 'Unknown') as grade,
        agg_remittances.municipality_key,
        agg_remittances.family_usd,
        agg_remittances.family_mxn_const,
        agg_remittances.migrant_3x1_usd
    from agg_remittances
    left join municipalities on municipalities.municipality_key = agg_remittances.municipality_key
    where agg_remittances.municipality is not null and agg_remittances.family_usd is not null
),

family_by_grade as (
    select
        year,
        grade,
        count(municipality_key) as municipalities_with_remittances,
        sum(family_usd) as family_usd,
        case when count(family_mxn_const) = count(*) then sum(family_mxn_const) end as family_mxn_const,
        case when count(migrant_3x1_usd) filter (where municipality_key is not null) = count(municipality_key)
            then sum(migrant_3x1_usd) filter (where municipality_key is not null) end as migrant_3x1_usd_of_them,
        sum(family_usd) filter (where municipality_key is not null) as family_usd_of_them
    from family
    group by year, grade
),

joined as (
    select
        coalesce(program.year, family_by_grade.year) as year,
        coalesce(program.grade, family_by_grade.grade) as grade,
        program.projects_3x1,
        program.municipalities_with_projects,
        program.migrant_3x1_usd,
        program.migrant_3x1_mxn_const,
        family_by_grade.municipalities_with_remittances,
        family_by_grade.family_usd,
        family_by_grade.family_mxn_const,
        family_by_grade.migrant_3x1_usd_of_them,
        family_by_grade.family_usd_of_them
    from program
    full outer join family_by_grade on family_by_grade.year = program.year and family_by_grade.grade = program.grade
)

select
    joined.year,
    joined.grade as migration_intensity_grade,
    grades.grade_order,
    coalesce(grade_sizes.municipalities, 0) as municipalities,
    case when joined.projects_3x1 is not null then joined.municipalities_with_projects
        when joined.year in (select year from program_years) then 0 end as municipalities_with_projects,
    case when joined.projects_3x1 is not null then joined.projects_3x1
        when joined.year in (select year from program_years) then 0 end as projects_3x1,
    case when joined.projects_3x1 is not null then joined.migrant_3x1_usd
        when joined.year in (select year from program_years) then 0 end::decimal(38, 2) as migrant_3x1_usd,
    case when joined.projects_3x1 is not null then joined.migrant_3x1_mxn_const
        when joined.year in (select year from program_years) then 0 end::decimal(38, 2) as migrant_3x1_mxn_const,
    coalesce(joined.municipalities_with_remittances, 0) as municipalities_with_remittances,
    joined.family_usd,
    joined.family_mxn_const,
    case when joined.family_usd_of_them > 0 and joined.migrant_3x1_usd_of_them is not null
        then (100 * joined.migrant_3x1_usd_of_them / joined.family_usd_of_them)::double end
        as collective_share_pct
from joined
join grades on grades.grade = joined.grade
left join grade_sizes on grade_sizes.grade = joined.grade
order by joined.year, grades.grade_order
