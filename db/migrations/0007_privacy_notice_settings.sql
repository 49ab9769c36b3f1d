ALTER TABLE "events" ADD COLUMN "organizer_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "privacy_contact" text DEFAULT '' NOT NULL;