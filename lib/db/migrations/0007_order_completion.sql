ALTER TABLE "orders" ADD COLUMN "completion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "checkout_charge_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "placed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "orders_placed_at_idx" ON "orders" USING btree ("placed_at");--> statement-breakpoint
-- Orders from before this column: placed when a charge is or was authorized or captured.
UPDATE "orders" SET "placed_at" = "updated_at"
WHERE "status" IN ('authorized', 'paid', 'refunded', 'partially_refunded')
   OR EXISTS (
     SELECT 1 FROM "payment_events" e
     WHERE e."order_id" = "orders"."id" AND e."type" = 'charge.state'
       AND e."detail"->>'state' IN ('Authorized', 'CaptureInitiated', 'Captured')
   );
