CREATE TABLE "seat_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"taken" integer
);
