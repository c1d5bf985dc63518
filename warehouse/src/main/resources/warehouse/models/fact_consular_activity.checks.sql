-- check: fact_consular_activity_grain_is_unique
select consulate_id, year, month, count(*) as n from fact_consular_activity
group by consulate_id, year, month having count(*) > 1

-- check: fact_consular_activity_foreign_keys_resolve
select consulate_id, year, month, consulate_key, year_key, us_state_geography_key from fact_consular_activity
where consulate_key is null or consulate_key not in (select consulate_key from dim_consulate)
    or year_key is null or year_key not in (select year_key from dim_year)
    or us_state_geography_key is null or us_state_geography_key not in (select geography_key from dim_geography)

-- check: fact_consular_activity_counts_equal_the_lake
with
fact as (
    select load_id, count(*) as n, sum(matriculas_issued) as matriculas_issued, sum(vds_services) as vds_services,
        sum(vds_referrals) as vds_referrals, sum(vds_tests) as vds_tests, sum(plazas_active) as plazas_active,
        sum(plazas_students) as plazas_students
    from fact_consular_activity group by load_id
),
lake as (
    select _load_id as load_id, count(*) as n, sum(matriculas_issued) as matriculas_issued,
        sum(vds_services) as vds_services, sum(vds_referrals) as vds_referrals, sum(vds_tests) as vds_tests,
        sum(plazas_active) as plazas_active, sum(plazas_students) as plazas_students
    from lake_consular_activity group by _load_id
)
select coalesce(fact.load_id, lake.load_id) as load_id, fact.n as fact_rows, lake.n as lake_rows
from fact full outer join lake on fact.load_id = lake.load_id
where (fact.n, fact.matriculas_issued, fact.vds_services, fact.vds_referrals, fact.vds_tests, fact.plazas_active,
        fact.plazas_students)
    is distinct from
      (lake.n, lake.matriculas_issued, lake.vds_services, lake.vds_referrals, lake.vds_tests, lake.plazas_active,
        lake.plazas_students)
