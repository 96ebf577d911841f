-- Pupil search candidates. Under row-level security PostgreSQL will not use an index for LIKE or
-- pg_trgm's <% (neither is LEAKPROOF), so a search read every pupil of the region. This function
-- runs as the owner, which the tenant policy does not hold back (superuser or BYPASSRLS; an owner
-- under FORCE RLS still only sees the region, just without the index), and filters on the
-- request's region explicitly. The caller joins the ids back through the normal, RLS-bound query.
CREATE OR REPLACE FUNCTION rondom_pupil_search(p_q text) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 20 AS $$
  SELECT p.id FROM pupils p
   WHERE p.region_id = nullif(current_setting('app.region_id', true), '')::uuid
     AND (p.search_text LIKE '%' || p_q || '%' OR p_q <% p.search_text)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION rondom_pupil_search(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rondom_pupil_search(text) TO rondom_app;--> statement-breakpoint

-- The head of a region's audit chain, after taking the region's append lock: one round trip
-- instead of two. In a VOLATILE function the select after the lock gets a fresh snapshot, so it
-- sees an append committed while this one waited (a single plain statement would not).
CREATE OR REPLACE FUNCTION rondom_audit_head(p_region uuid, OUT seq bigint, OUT hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_region::text, 0));
  SELECT a.seq, a.hash INTO seq, hash FROM audit_events a WHERE a.region_id = p_region ORDER BY a.seq DESC LIMIT 1;
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rondom_audit_head(uuid) TO rondom_app;
