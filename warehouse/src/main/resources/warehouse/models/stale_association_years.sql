-- The years, outside this build's scope, of fact rows whose association version changed when
-- dim_association was rebuilt (a new or corrected snapshot can move the version a year points
-- to). Those years are rebuilt too, so an incremental build equals a full one.
select distinct facts.year
from (
    select year, association_id, association_key from fact_project_funding
    union all
    select year, association_id, association_key from fact_association_year
    union all
    select year, association_id, association_key from fact_survey_response where association_id is not null
) as facts
left join int_association_year_key as keys
    on keys.association_id = facts.association_id and keys.year = facts.year
where facts.year not in (select year from build_scope_year)
    and facts.association_key is distinct from coalesce(keys.association_key, 0)
