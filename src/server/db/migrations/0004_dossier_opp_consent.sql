CREATE TABLE "break_glass_accesses" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_note" text,
	CONSTRAINT "break_glass_accesses_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_team_members" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"task" text,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "care_team_members_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"given_by_kind" text NOT NULL,
	"given_by_guardian_id" uuid,
	"recorded_by" text NOT NULL,
	"recipient_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recipient_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"replaces_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"replaced_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"category" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "attachments_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "dossier_goals" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"criterion" text NOT NULL,
	"target_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_goals_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "dossier_versions" (
	"region_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_fields" text[] NOT NULL,
	"changed_by" text NOT NULL,
	"changed_by_role" text NOT NULL,
	"changed_by_organisation_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_versions_region_id_pupil_id_version_pk" PRIMARY KEY("region_id","pupil_id","version")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"region_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"promoting_factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hindering_factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pupil_view" text,
	"parent_view" text,
	"extra_support_since" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "dossiers_region_id_pupil_id_pk" PRIMARY KEY("region_id","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "goal_evaluations" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"result" text NOT NULL,
	"what_worked" text NOT NULL,
	"next_step" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_evaluations_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_assents" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opp_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"via" text NOT NULL,
	"recorded_by" text NOT NULL,
	"attachment_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"followed_up_at" timestamp with time zone,
	"follow_up_note" text,
	CONSTRAINT "opp_assents_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_evaluations" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opp_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"with_parents" boolean NOT NULL,
	"summary" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_evaluations_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "opps" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"based_on_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"outflow_profile" text,
	"outflow_destination" text,
	"reasoning" text,
	"promoting_factors" text,
	"hindering_factors" text,
	"oogo_date" date,
	"oogo_outcome" text,
	"support" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deviations" text,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pupil_heard" boolean,
	"hearing_date" date,
	"hearing_summary" text,
	"not_heard_reason" text,
	"submitted_at" timestamp with time zone,
	"adopted_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opps_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "parents_access_refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "break_glass_accesses" ADD CONSTRAINT "break_glass_accesses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_accesses" ADD CONSTRAINT "break_glass_accesses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_accesses" ADD CONSTRAINT "break_glass_accesses_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_region_id_organisation_id_organisations_region_id_id_fk" FOREIGN KEY ("region_id","organisation_id") REFERENCES "public"."organisations"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_goals" ADD CONSTRAINT "dossier_goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_goals" ADD CONSTRAINT "dossier_goals_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_versions" ADD CONSTRAINT "dossier_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_versions" ADD CONSTRAINT "dossier_versions_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_evaluations" ADD CONSTRAINT "goal_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_evaluations" ADD CONSTRAINT "goal_evaluations_region_id_goal_id_dossier_goals_region_id_id_fk" FOREIGN KEY ("region_id","goal_id") REFERENCES "public"."dossier_goals"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_assents" ADD CONSTRAINT "opp_assents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_assents" ADD CONSTRAINT "opp_assents_region_id_opp_id_opps_region_id_id_fk" FOREIGN KEY ("region_id","opp_id") REFERENCES "public"."opps"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_assents" ADD CONSTRAINT "opp_assents_region_id_guardian_id_guardians_region_id_id_fk" FOREIGN KEY ("region_id","guardian_id") REFERENCES "public"."guardians"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_assents" ADD CONSTRAINT "opp_assents_region_id_attachment_id_attachments_region_id_id_fk" FOREIGN KEY ("region_id","attachment_id") REFERENCES "public"."attachments"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_evaluations" ADD CONSTRAINT "opp_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_evaluations" ADD CONSTRAINT "opp_evaluations_region_id_opp_id_opps_region_id_id_fk" FOREIGN KEY ("region_id","opp_id") REFERENCES "public"."opps"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opps" ADD CONSTRAINT "opps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opps" ADD CONSTRAINT "opps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opps" ADD CONSTRAINT "opps_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_user_idx" ON "break_glass_accesses" USING btree ("region_id","user_id","pupil_id");--> statement-breakpoint
CREATE INDEX "care_team_pupil_idx" ON "care_team_members" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE INDEX "care_team_user_idx" ON "care_team_members" USING btree ("region_id","user_id","pupil_id");--> statement-breakpoint
CREATE INDEX "consents_pupil_idx" ON "consents" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE INDEX "attachments_pupil_idx" ON "attachments" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE INDEX "dossier_goals_pupil_idx" ON "dossier_goals" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE INDEX "goal_evaluations_goal_idx" ON "goal_evaluations" USING btree ("region_id","goal_id");--> statement-breakpoint
CREATE INDEX "opp_assents_opp_idx" ON "opp_assents" USING btree ("region_id","opp_id");--> statement-breakpoint
CREATE INDEX "opp_evaluations_pupil_idx" ON "opp_evaluations" USING btree ("region_id","pupil_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "opps_pupil_seq" ON "opps" USING btree ("region_id","pupil_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "opps_one_open" ON "opps" USING btree ("region_id","pupil_id") WHERE status in ('draft', 'awaiting_assent', 'disagreed');