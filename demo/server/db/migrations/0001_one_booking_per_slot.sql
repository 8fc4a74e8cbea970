-- One active booking per supporter and time: two requested or confirmed bookings of the same
-- supporter may not overlap, whichever server process writes them. Drizzle's schema language has
-- no exclusion constraints, hence this custom migration. btree_gist lets a GiST index compare
-- supporter_id with =; it is a trusted extension, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_one_per_slot"
  EXCLUDE USING gist ("supporter_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('requested', 'confirmed'));
