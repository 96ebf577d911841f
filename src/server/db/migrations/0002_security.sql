-- Row-level security for every tenant table (every table with a region_id column), forced so
-- that even the owner obeys it inside a request. Idempotent: start-up calls it after every
-- migration run, so a new table cannot be forgotten (and a catalog test checks the result).
CREATE OR REPLACE FUNCTION rondom_secure_tenant_tables() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'region_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = t.relname AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (region_id = nullif(current_setting(''app.region_id'', true), '''')::uuid) WITH CHECK (region_id = nullif(current_setting(''app.region_id'', true), '''')::uuid)',
        t.relname);
    END IF;
    IF t.relname <> 'audit_events' THEN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO rondom_app', t.relname);
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
SELECT rondom_secure_tenant_tables();--> statement-breakpoint

-- The region row itself: a request sees only its own region.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE regions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON regions USING (id = nullif(current_setting('app.region_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON regions TO rondom_app;--> statement-breakpoint
GRANT UPDATE (name, settings) ON regions TO rondom_app;--> statement-breakpoint

-- Users are global; a request sees a user only when they hold a membership in its region
-- (memberships are themselves region-filtered). Not forced: sign-in runs as the owner.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY region_members ON users TO rondom_app
  USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id));--> statement-breakpoint
GRANT SELECT (id, name, email, locale, two_factor_enabled, deactivated_at, created_at) ON users TO rondom_app;--> statement-breakpoint

-- Audit: insert and read only, for everybody; the trigger also stops the owner.
GRANT SELECT, INSERT ON audit_events TO rondom_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION rondom_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION rondom_audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION rondom_audit_append_only();
--> statement-breakpoint

-- Inviting someone: find the global user by e-mail or create them, inside the request's
-- transaction (so a failed invite leaves nothing behind). The app role cannot see users outside
-- its region, hence SECURITY DEFINER with a fixed search_path.
CREATE OR REPLACE FUNCTION rondom_ensure_user(p_email text, p_name text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE uid text;
BEGIN
  IF nullif(current_setting('app.region_id', true), '') IS NULL THEN
    RAISE EXCEPTION 'no region context';
  END IF;
  SELECT id INTO uid FROM users WHERE email = lower(p_email);
  IF uid IS NULL THEN
    uid := replace(gen_random_uuid()::text, '-', '');
    INSERT INTO users (id, name, email, email_verified) VALUES (uid, p_name, lower(p_email), false);
  END IF;
  RETURN uid;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION rondom_ensure_user(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rondom_ensure_user(text, text) TO rondom_app;--> statement-breakpoint

-- Ending a user's access from a region: all their sessions end at once, and when no active
-- membership is left anywhere the account itself is deactivated. Only for users of this region.
CREATE OR REPLACE FUNCTION rondom_end_user_access(p_user_id text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE rid uuid := nullif(current_setting('app.region_id', true), '')::uuid;
BEGIN
  IF rid IS NULL OR NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = p_user_id AND region_id = rid) THEN
    RAISE EXCEPTION 'user not in region';
  END IF;
  DELETE FROM sessions WHERE user_id = p_user_id;
  IF NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = p_user_id AND ended_at IS NULL) THEN
    UPDATE users SET deactivated_at = now() WHERE id = p_user_id;
    RETURN true;
  END IF;
  RETURN false;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION rondom_end_user_access(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rondom_end_user_access(text) TO rondom_app;
