-- How source records were linked to associations (audit_association_link), by source and rule.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select
    source_table,
    rule,
    count(*) as links,
    count(distinct association_id) as associations,
    min(score) as min_score
from audit_association_link, params
group by source_table, rule
order by source_table, links desc, rule
