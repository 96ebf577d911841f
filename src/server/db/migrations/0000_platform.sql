-- Extensions and the role requests run as. Roles are cluster-wide, so create them only once.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rondom_app') THEN
    -- owns nothing, cannot log in, cannot bypass row-level security
    CREATE ROLE rondom_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END $$;--> statement-breakpoint
DO $$
BEGIN
  -- the connecting (owner) role must be able to SET LOCAL ROLE rondom_app
  IF NOT pg_has_role(current_user, 'rondom_app', 'MEMBER') THEN
    EXECUTE format('GRANT rondom_app TO %I', current_user);
  END IF;
END $$;
