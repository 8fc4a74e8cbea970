CREATE TABLE "bookings" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "bookings_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"supporter_id" text NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"record" json NOT NULL,
	"token_hash" text NOT NULL,
	"gift_code" text,
	CONSTRAINT "bookings_status" CHECK ("bookings"."status" IN ('requested', 'confirmed', 'declined', 'cancelled')),
	CONSTRAINT "bookings_span" CHECK ("bookings"."ends_at" > "bookings"."starts_at"),
	CONSTRAINT "bookings_record" CHECK ("bookings"."record"->>'id' = "bookings"."id" AND "bookings"."record"->>'status' = "bookings"."status" AND "bookings"."record"->>'supporterId' = "bookings"."supporter_id")
);
--> statement-breakpoint
CREATE TABLE "gift_cards" (
	"code" text PRIMARY KEY NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "gift_cards_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"length_minutes" integer,
	"sessions_total" integer NOT NULL,
	"sessions_remaining" integer NOT NULL,
	"expires_on" date,
	"used_up_at" text,
	"paid" boolean NOT NULL,
	"deliver_on" date,
	"time_zone" text,
	CONSTRAINT "gift_cards_code_upper" CHECK ("gift_cards"."code" = upper("gift_cards"."code")),
	CONSTRAINT "gift_cards_sessions_total" CHECK ("gift_cards"."sessions_total" > 0),
	CONSTRAINT "gift_cards_balance" CHECK ("gift_cards"."sessions_remaining" >= 0 AND "gift_cards"."sessions_remaining" <= "gift_cards"."sessions_total"),
	CONSTRAINT "gift_cards_length" CHECK ("gift_cards"."length_minutes" IS NULL OR "gift_cards"."length_minutes" > 0),
	CONSTRAINT "gift_cards_used_up" CHECK ("gift_cards"."used_up_at" IS NULL OR "gift_cards"."sessions_remaining" = 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text PRIMARY KEY NOT NULL,
	"fingerprint" text,
	"answer" json,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_saved" CHECK (("idempotency_keys"."fingerprint" IS NULL) = ("idempotency_keys"."answer" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"record" json NOT NULL,
	CONSTRAINT "purchases_record_id" CHECK ("purchases"."record"->>'id' = "purchases"."id")
);
--> statement-breakpoint
CREATE TABLE "supporters" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"record" json NOT NULL,
	CONSTRAINT "supporters_record_id" CHECK ("supporters"."record"->>'id' = "supporters"."id")
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_gift_code_gift_cards_code_fk" FOREIGN KEY ("gift_code") REFERENCES "public"."gift_cards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_code_gift_cards_code_fk" FOREIGN KEY ("code") REFERENCES "public"."gift_cards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_seq_key" ON "bookings" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_cards_seq_key" ON "gift_cards" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_code_key" ON "purchases" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "supporters_position_key" ON "supporters" USING btree ("position");