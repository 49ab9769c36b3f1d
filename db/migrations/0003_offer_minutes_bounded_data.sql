-- Hand-written data fix (drizzle-kit cannot express it), run before the next migration narrows
-- events_offer_minutes to 5..2880. Waiting-list offers used to hold a seat for 48 hours by default, long enough
-- for made-up entries to keep freed seats from real buyers: events still at that old default move to the new
-- one (4 hours), and anything above the new upper bound is brought down to it.
UPDATE "events" SET "offer_minutes" = 240 WHERE "offer_minutes" = 2880;--> statement-breakpoint
UPDATE "events" SET "offer_minutes" = 2880 WHERE "offer_minutes" > 2880;
