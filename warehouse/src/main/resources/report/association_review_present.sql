-- Whether the warehouse publishes the review list of association records the identity model could
-- not decide and kept apart (the view audit_association_review). The report's
-- method note shows the list's size only when it does (association_review_size.sql); otherwise it
-- says the figure is not available, never a number.
with

params as (
    select ?::integer as from_year, ?::integer as to_year
)

select count(*) > 0 as present
from duckdb_views(), params
where view_name = 'audit_association_review' and not internal
