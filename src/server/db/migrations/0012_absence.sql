CREATE TABLE "absence_cases" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pupil_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" text NOT NULL,
	"owner_user_id" text,
	"plan" text,
	"plan_by" text,
	"next_date" date,
	"offer_from" date,
	"closed_on" date,
	"close_reason" text,
	"close_note" text,
	"closed_by" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_cases_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "absence_cases_closed_after_opened" CHECK (closed_on is null or closed_on >= opened_on),
	CONSTRAINT "absence_cases_close_reason" CHECK ((closed_on is null) = (close_reason is null))
);
--> statement-breakpoint
CREATE TABLE "absence_episodes" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"exemption_ends_on" date,
	"reason_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_episodes_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "absence_episodes_end_after_start" CHECK (ended_on is null or ended_on >= started_on)
);
--> statement-breakpoint
CREATE TABLE "absence_notices" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"due_on" date NOT NULL,
	"recipients" text[] NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_notices_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "absence_notices_once" UNIQUE("region_id","case_id","key")
);
--> statement-breakpoint
ALTER TABLE "absence_cases" ADD CONSTRAINT "absence_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_cases" ADD CONSTRAINT "absence_cases_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_cases" ADD CONSTRAINT "absence_cases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_cases" ADD CONSTRAINT "absence_cases_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_episodes" ADD CONSTRAINT "absence_episodes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_episodes" ADD CONSTRAINT "absence_episodes_region_id_case_id_absence_cases_region_id_id_fk" FOREIGN KEY ("region_id","case_id") REFERENCES "public"."absence_cases"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_episodes" ADD CONSTRAINT "absence_episodes_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_notices" ADD CONSTRAINT "absence_notices_region_id_case_id_absence_cases_region_id_id_fk" FOREIGN KEY ("region_id","case_id") REFERENCES "public"."absence_cases"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "absence_cases_one_open" ON "absence_cases" USING btree ("region_id","pupil_id") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "absence_cases_pupil_idx" ON "absence_cases" USING btree ("region_id","pupil_id","opened_on");--> statement-breakpoint
CREATE INDEX "absence_cases_owner_open_idx" ON "absence_cases" USING btree ("region_id","owner_user_id") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "absence_cases_opened_idx" ON "absence_cases" USING btree ("region_id","opened_on");--> statement-breakpoint
CREATE UNIQUE INDEX "absence_episodes_one_open_kind" ON "absence_episodes" USING btree ("region_id","pupil_id","kind") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "absence_episodes_case_idx" ON "absence_episodes" USING btree ("region_id","case_id","started_on");