CREATE TABLE "waitlist_confirm_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waitlist_confirm_links_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_offer_minutes";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "offer_minutes" SET DEFAULT 240;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "confirm_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waitlist_confirm_links" ADD CONSTRAINT "waitlist_confirm_links_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_confirm_links_entry" ON "waitlist_confirm_links" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "waitlist_event_email" ON "waitlist_entries" USING btree ("event_id","email");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_offer_minutes" CHECK ("events"."offer_minutes" between 5 and 2880);