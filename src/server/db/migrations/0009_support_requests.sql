CREATE TABLE "arrangement_evaluations" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"goals_met" text NOT NULL,
	"outcome" text NOT NULL,
	"summary" text NOT NULL,
	"extension_request_id" uuid,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangement_evaluations_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "arrangement_spends" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"hours" numeric(7, 1),
	"description" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangement_spends_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "arrangement_types" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"typical_hours" numeric(7, 1),
	"typical_cost_cents" integer,
	"executors" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangement_types_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "arrangements" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"request_id" uuid,
	"type_id" uuid NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"executor_kind" text NOT NULL,
	"executor_name" text,
	"hours" numeric(7, 1) NOT NULL,
	"budget_cents" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"evaluation_dates" date[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangements_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"lodged_by" text NOT NULL,
	"grounds" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome_note" text,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objections_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_decisions" (
	"region_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"criteria" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "request_decisions_region_id_request_id_pk" PRIMARY KEY("region_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "request_experts" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"expert_id" text NOT NULL,
	"expert_kind" text NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"impartiality_declared_at" timestamp with time zone,
	"advice" text,
	"recommendation" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "request_experts_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_request_attachments" (
	"region_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"checklist_item_id" text,
	CONSTRAINT "support_request_attachments_region_id_request_id_attachment_id_pk" PRIMARY KEY("region_id","request_id","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "support_request_comments" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_request_comments_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_request_events" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_request_events_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"client_key" uuid NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"question" text,
	"tried" text,
	"tlv_school_type" text,
	"parents_informed_on" date,
	"parents_view" text,
	"parents_signature_id" uuid,
	"consultant_id" text,
	"extends_arrangement_id" uuid,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"assessment_started_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "tlv_counters" (
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "tlv_counters_region_id_year_pk" PRIMARY KEY("region_id","year")
);
--> statement-breakpoint
CREATE TABLE "tlvs" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"school_type" text NOT NULL,
	"category" text,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"return_plan" text,
	"return_plan_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tlvs_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "arrangement_evaluations" ADD CONSTRAINT "arrangement_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_evaluations" ADD CONSTRAINT "arrangement_evaluations_region_id_arrangement_id_arrangements_region_id_id_fk" FOREIGN KEY ("region_id","arrangement_id") REFERENCES "public"."arrangements"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_spends" ADD CONSTRAINT "arrangement_spends_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_spends" ADD CONSTRAINT "arrangement_spends_region_id_arrangement_id_arrangements_region_id_id_fk" FOREIGN KEY ("region_id","arrangement_id") REFERENCES "public"."arrangements"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_region_id_type_id_arrangement_types_region_id_id_fk" FOREIGN KEY ("region_id","type_id") REFERENCES "public"."arrangement_types"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_decisions" ADD CONSTRAINT "request_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_decisions" ADD CONSTRAINT "request_decisions_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_experts" ADD CONSTRAINT "request_experts_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_experts" ADD CONSTRAINT "request_experts_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_experts" ADD CONSTRAINT "request_experts_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_attachments" ADD CONSTRAINT "support_request_attachments_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_attachments" ADD CONSTRAINT "support_request_attachments_region_id_attachment_id_attachments_region_id_id_fk" FOREIGN KEY ("region_id","attachment_id") REFERENCES "public"."attachments"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_comments" ADD CONSTRAINT "support_request_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_comments" ADD CONSTRAINT "support_request_comments_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_events" ADD CONSTRAINT "support_request_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_events" ADD CONSTRAINT "support_request_events_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_consultant_id_users_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_region_id_school_id_organisations_region_id_id_fk" FOREIGN KEY ("region_id","school_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_region_id_parents_signature_id_attachments_region_id_id_fk" FOREIGN KEY ("region_id","parents_signature_id") REFERENCES "public"."attachments"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tlvs" ADD CONSTRAINT "tlvs_region_id_request_id_support_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."support_requests"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arrangement_evaluations_arrangement_idx" ON "arrangement_evaluations" USING btree ("region_id","arrangement_id","held_on");--> statement-breakpoint
CREATE INDEX "arrangement_spends_arrangement_idx" ON "arrangement_spends" USING btree ("region_id","arrangement_id","spent_on");--> statement-breakpoint
CREATE INDEX "arrangement_spends_school_idx" ON "arrangement_spends" USING btree ("region_id","school_id","spent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "arrangement_types_name" ON "arrangement_types" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "arrangements_pupil_idx" ON "arrangements" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE INDEX "arrangements_school_idx" ON "arrangements" USING btree ("region_id","school_id","start_on");--> statement-breakpoint
CREATE INDEX "objections_request_idx" ON "objections" USING btree ("region_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_experts_one_per_person" ON "request_experts" USING btree ("region_id","request_id","expert_id");--> statement-breakpoint
CREATE INDEX "request_experts_expert_idx" ON "request_experts" USING btree ("region_id","expert_id");--> statement-breakpoint
CREATE INDEX "support_request_comments_request_idx" ON "support_request_comments" USING btree ("region_id","request_id","created_at");--> statement-breakpoint
CREATE INDEX "support_request_events_request_idx" ON "support_request_events" USING btree ("region_id","request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_client_key" ON "support_requests" USING btree ("region_id","client_key");--> statement-breakpoint
CREATE INDEX "support_requests_status_idx" ON "support_requests" USING btree ("region_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "support_requests_school_idx" ON "support_requests" USING btree ("region_id","school_id","submitted_at");--> statement-breakpoint
CREATE INDEX "support_requests_consultant_idx" ON "support_requests" USING btree ("region_id","consultant_id","status");--> statement-breakpoint
CREATE INDEX "support_requests_pupil_idx" ON "support_requests" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tlvs_request" ON "tlvs" USING btree ("region_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tlvs_number" ON "tlvs" USING btree ("region_id","year","seq");--> statement-breakpoint
CREATE INDEX "tlvs_valid_until_idx" ON "tlvs" USING btree ("region_id","valid_until");--> statement-breakpoint
CREATE INDEX "tlvs_pupil_idx" ON "tlvs" USING btree ("region_id","pupil_id");--> statement-breakpoint
-- A decision is what the parents were sent: it cannot be changed afterwards (a wrong decision is
-- corrected by the objection route, not by editing the record). The same for a submitted advice.
CREATE OR REPLACE FUNCTION rondom_immutable_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows cannot be changed', TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;--> statement-breakpoint
CREATE TRIGGER request_decisions_immutable BEFORE UPDATE ON request_decisions
  FOR EACH ROW EXECUTE FUNCTION rondom_immutable_row();--> statement-breakpoint
CREATE TRIGGER request_experts_advice_immutable BEFORE UPDATE ON request_experts
  FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL)
  EXECUTE FUNCTION rondom_immutable_row();
