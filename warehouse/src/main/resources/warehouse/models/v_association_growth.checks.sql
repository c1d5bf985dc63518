-- check: v_association_growth_totals_equal_the_fact
with
view_totals as (select year, sum(registered) as registered from v_association_growth group by year),
fact_totals as (
    select year, count(*) filter (where registered) as registered
    from fact_association_year where registered is not null group by year
)
select coalesce(v.year, f.year) as year, v.registered as view_registered, f.registered as fact_registered
from view_totals v full outer join fact_totals f on v.year = f.year
where v.registered is distinct from f.registered
