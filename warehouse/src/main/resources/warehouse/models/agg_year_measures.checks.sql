-- check: agg_year_measures_equal_the_facts
-- Each measure computed straight from the facts, one query per measure as growth(…) did before
-- the aggregate: any row that differs (or is missing on either side) is offending.
with
direct as (
    select 'registered_associations' as measure, year, count(*) filter (where registered)::decimal(38, 2) as value
    from fact_association_year where registered is not null group by year
    union all
    select 'projects_3x1', year, count(*)::decimal(38, 2) from fact_project_funding where not is_cancelled group by year
    union all
    select 'clubs_3x1', year, count(distinct association_id)::decimal(38, 2)
    from fact_project_funding where not is_cancelled group by year
    union all
    select 'total_mxn', year, sum(total_mxn)::decimal(38, 2) from fact_project_funding where not is_cancelled group by year
    union all
    select 'total_mxn_const', year, sum(total_mxn_const)::decimal(38, 2)
    from fact_project_funding where not is_cancelled group by year
    union all
    select 'migrant_mxn_const', year, sum(migrant_mxn_const)::decimal(38, 2)
    from fact_project_funding where not is_cancelled group by year
    union all
    select 'total_usd', year, sum(total_usd)::decimal(38, 2) from fact_project_funding where not is_cancelled group by year
),
stored as (select measure, year, value from agg_year_measures)
select 'missing from agg_year_measures' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
