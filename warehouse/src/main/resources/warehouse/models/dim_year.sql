-- dim_year: one row per calendar year the lake knows (reference years and years with data).
-- A year belongs to the presidential term (sexenio) in office for most of it: terms run from
-- 1 December to 30 November, so a boundary year (2000, 2006, 2012, 2018, 2024) belongs to the
-- outgoing term. 2006 is in 2000-2006; 2007 is in 2006-2012.
with

ref_year as (
    select * from stg_ref_year
),

snapshots as (
    select * from stg_registry_snapshot
),

projects as (
    select * from stg_project
),

surveys as (
    select * from stg_survey_response
),

consular_activity as (
    select * from stg_consular_activity
),

remittances as (
    select * from stg_remittance
),

terms as (
    select * from (values
        (1982, 1988, '1982-1988', 'Miguel de la Madrid'),
        (1988, 1994, '1988-1994', 'Carlos Salinas de Gortari'),
        (1994, 2000, '1994-2000', 'Ernesto Zedillo'),
        (2000, 2006, '2000-2006', 'Vicente Fox'),
        (2006, 2012, '2006-2012', 'Felipe Calderón'),
        (2012, 2018, '2012-2018', 'Enrique Peña Nieto'),
        (2018, 2024, '2018-2024', 'Andrés Manuel López Obrador'),
        (2024, 2030, '2024-2030', 'Claudia Sheinbaum')
    ) as t (term_start_year, term_end_year, sexenio, president)
),

snapshot_years as (
    select
        snapshot_year as year,
        max(snapshot_date) as registry_snapshot_date,
        count(distinct snapshot_date) as registry_snapshots
    from snapshots
    group by snapshot_year
),

all_years as (
    select year from ref_year
    union select year from snapshot_years
    union select fiscal_year from projects
    union select year from surveys
    union select year from consular_activity
    union select year from remittances
),

years as (
    select
        all_years.year as year_key,
        all_years.year,
        terms.sexenio,
        terms.president,
        terms.term_start_year,
        terms.term_end_year,
        ref_year.inpc_mean,
        ref_year.fix_mean,
        coalesce(ref_year.inpc_months, 0) as inpc_months,
        coalesce(ref_year.fix_months, 0) as fix_months,
        snapshot_years.year is not null as has_registry_snapshot,
        snapshot_years.registry_snapshot_date,
        coalesce(snapshot_years.registry_snapshots, 0) as registry_snapshots,
        exists (select 1 from projects p where p.fiscal_year = all_years.year) as has_projects,
        exists (select 1 from surveys s where s.year = all_years.year) as has_survey,
        exists (select 1 from consular_activity c where c.year = all_years.year) as has_consular_activity,
        exists (select 1 from remittances r where r.year = all_years.year) as has_remittances
    from all_years
    left join terms
        on all_years.year > terms.term_start_year and all_years.year <= terms.term_end_year
    left join ref_year on ref_year.year = all_years.year
    left join snapshot_years on snapshot_years.year = all_years.year
),

unknown as (
    select
        0 as year_key, null::integer as year, 'Unknown' as sexenio, null::varchar as president,
        null::integer as term_start_year, null::integer as term_end_year,
        null::double as inpc_mean, null::double as fix_mean, 0 as inpc_months, 0 as fix_months,
        false as has_registry_snapshot, null::date as registry_snapshot_date, 0::bigint as registry_snapshots,
        false as has_projects, false as has_survey, false as has_consular_activity, false as has_remittances
)

select * from unknown
union all
select * from years
