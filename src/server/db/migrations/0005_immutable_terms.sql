-- What was agreed stays as it was agreed, whatever the application does: the terms of a consent,
-- a guardian's decision on an OPP, and an adopted OPP cannot be changed, only ended or followed up.
CREATE OR REPLACE FUNCTION rondom_only_columns_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE allowed text[] := TG_ARGV;
BEGIN
  IF (to_jsonb(NEW) - allowed) IS DISTINCT FROM (to_jsonb(OLD) - allowed) THEN
    RAISE EXCEPTION '% rows are immutable except for %', TG_TABLE_NAME, allowed USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER consents_terms_immutable BEFORE UPDATE ON consents
  FOR EACH ROW EXECUTE FUNCTION rondom_only_columns_change('withdrawn_at', 'withdrawn_by', 'replaced_by_id');--> statement-breakpoint
CREATE TRIGGER opp_assents_decision_immutable BEFORE UPDATE ON opp_assents
  FOR EACH ROW EXECUTE FUNCTION rondom_only_columns_change('followed_up_at', 'follow_up_note');--> statement-breakpoint
-- an adopted OPP may only be superseded by a newer adopted version
CREATE TRIGGER opps_adopted_immutable BEFORE UPDATE ON opps
  FOR EACH ROW WHEN (OLD.status IN ('adopted', 'superseded'))
  EXECUTE FUNCTION rondom_only_columns_change('status');--> statement-breakpoint
CREATE OR REPLACE FUNCTION rondom_opp_status_forward() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'superseded' OR (OLD.status = 'adopted' AND NEW.status NOT IN ('adopted', 'superseded')) THEN
    RAISE EXCEPTION 'an adopted OPP cannot go back' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER opps_status_forward BEFORE UPDATE ON opps
  FOR EACH ROW WHEN (OLD.status IN ('adopted', 'superseded'))
  EXECUTE FUNCTION rondom_opp_status_forward();
