CREATE TABLE "pupil_name_words" (
	"region_id" uuid NOT NULL,
	"word" text NOT NULL,
	"pupil_id" uuid NOT NULL,
	CONSTRAINT "pupil_name_words_region_id_word_pupil_id_pk" PRIMARY KEY("region_id","word","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "region_name_words" (
	"region_id" uuid NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "region_name_words_region_id_word_pk" PRIMARY KEY("region_id","word")
);
--> statement-breakpoint
ALTER TABLE "pupil_name_words" ADD CONSTRAINT "pupil_name_words_region_id_pupil_id_pupils_region_id_id_fk" FOREIGN KEY ("region_id","pupil_id") REFERENCES "public"."pupils"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pupil_name_words_pupil_idx" ON "pupil_name_words" USING btree ("region_id","pupil_id");--> statement-breakpoint
CREATE INDEX "region_name_words_trgm" ON "region_name_words" USING gin ("region_id","word" gin_trgm_ops);