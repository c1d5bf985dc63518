-- check: dim_year_key_is_unique
select year_key, count(*) as n from dim_year group by year_key having count(*) > 1

-- check: dim_year_has_unknown_member
select 'no row with year_key 0' as problem where not exists (select 1 from dim_year where year_key = 0)

-- check: dim_year_years_have_a_term
select year from dim_year where year between 1983 and 2030 and sexenio is null
