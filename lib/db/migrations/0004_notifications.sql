CREATE TABLE "notifications_received" (
	"notification_id" text PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"charge_permission_id" text,
	"status" text DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "charge_permission_state" text;--> statement-breakpoint
CREATE INDEX "notifications_received_status_idx" ON "notifications_received" USING btree ("status","received_at");