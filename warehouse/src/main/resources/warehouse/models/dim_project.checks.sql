-- check: dim_project_key_is_unique
select project_key, count(*) as n from dim_project group by project_key having count(*) > 1

-- check: dim_project_folio_is_unique
select folio, count(*) as n from dim_project group by folio having count(*) > 1

-- check: dim_project_has_unknown_member
select 'no row with project_key 0' as problem where not exists (select 1 from dim_project where project_key = 0)

-- check: dim_project_geography_in_dim_geography
select folio, geography_key from dim_project where geography_key not in (select geography_key from dim_geography)
