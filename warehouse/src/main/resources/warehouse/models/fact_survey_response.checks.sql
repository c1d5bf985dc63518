-- check: fact_survey_response_grain_is_unique
select survey, year, respondent_id, count(*) as n from fact_survey_response
group by survey, year, respondent_id having count(*) > 1

-- check: fact_survey_response_foreign_keys_resolve
select survey, respondent_id, year_key, origin_geography_key, us_state_geography_key, association_key
from fact_survey_response
where year_key is null or year_key not in (select year_key from dim_year)
    or origin_geography_key is null or origin_geography_key not in (select geography_key from dim_geography)
    or us_state_geography_key is null or us_state_geography_key not in (select geography_key from dim_geography)
    or association_key is null or association_key not in (select association_key from dim_association)

-- check: fact_survey_response_rows_and_weights_equal_the_lake
with
fact as (select load_id, count(*) as n, sum(weight) as weight from fact_survey_response group by load_id),
lake as (select _load_id as load_id, count(*) as n, sum(weight) as weight from lake_survey_response group by _load_id)
select coalesce(fact.load_id, lake.load_id) as load_id, fact.n as fact_rows, lake.n as lake_rows,
    fact.weight as fact_weight, lake.weight as lake_weight
from fact full outer join lake on fact.load_id = lake.load_id
where fact.n is distinct from lake.n or abs(fact.weight - lake.weight) > 1e-6 * greatest(1, abs(lake.weight))
