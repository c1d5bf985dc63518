-- When the warehouse's newest file decision was taken: the report says "data as of" this, rather
-- than the time it was generated, so the same warehouse always gives the same report.
select max(loaded_at) as data_as_of, count(*) filter (where status = 'LOADED' and is_current) as current_files
from audit_file_load
