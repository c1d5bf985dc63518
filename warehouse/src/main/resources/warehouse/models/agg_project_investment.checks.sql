-- check: agg_project_investment_equals_the_facts
-- Every row of the aggregate against the same grouping computed straight from the fact (latest
-- category from dim_project, state from dim_geography): a row that differs in any column, or is
-- missing on either side, is offending.
with
direct as (
    select f.year, g.state_code as origin_state_code, coalesce(g.state_name, 'Unknown') as origin_state,
        coalesce(p.category, f.category) as category, count(*) as projects,
        count(distinct f.association_id) as clubs, sum(f.federal_mxn) as federal_mxn, sum(f.state_mxn) as state_mxn,
        sum(f.municipal_mxn) as municipal_mxn, sum(f.migrant_mxn) as migrant_mxn, sum(f.other_mxn) as other_mxn,
        sum(f.total_mxn) as total_mxn, sum(f.total_mxn_const) as total_mxn_const, sum(f.total_usd) as total_usd,
        max(f.base_year) as base_year, sum(f.federal_mxn_const), sum(f.state_mxn_const), sum(f.municipal_mxn_const),
        sum(f.migrant_mxn_const), sum(f.other_mxn_const), sum(f.federal_usd), sum(f.state_usd), sum(f.municipal_usd),
        sum(f.migrant_usd), sum(f.other_usd),
        case when sum(f.total_mxn) > 0
            then round(100 * sum(f.migrant_mxn)::double / sum(f.total_mxn)::double, 2)::decimal(5, 2) end
    from fact_project_funding f
    left join dim_project p on p.project_key = f.project_key
    left join dim_geography g on g.geography_key = f.origin_geography_key
    where not f.is_cancelled
    group by all
),
stored as (select * from agg_project_investment)
select 'missing from agg_project_investment' as problem, * from (select * from direct except all select * from stored)
union all
select 'not in the facts', * from (select * from stored except all select * from direct)
union all
select 'more than one base year', null, null, null, null, null, null, null, null, null, null, null, null,
    null, null, null, null, null, null, null, null, null, null, null, null, null, null
from (select count(distinct base_year) as n from fact_project_funding) where n > 1
