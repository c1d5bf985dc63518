-- check: v_project_investment_totals_equal_the_fact
with
view_totals as (select year, sum(projects) as projects, sum(total_mxn) as total_mxn from v_project_investment group by year),
fact_totals as (
    select year, count(*) as projects, sum(total_mxn) as total_mxn
    from fact_project_funding where not is_cancelled group by year
)
select coalesce(v.year, f.year) as year, v.projects as view_projects, f.projects as fact_projects,
    v.total_mxn as view_total_mxn, f.total_mxn as fact_total_mxn
from view_totals v full outer join fact_totals f on v.year = f.year
where (v.projects, v.total_mxn) is distinct from (f.projects, f.total_mxn)
