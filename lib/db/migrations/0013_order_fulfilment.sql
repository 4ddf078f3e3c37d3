ALTER TABLE "orders" ADD COLUMN "fulfilment_status" text DEFAULT 'unfulfilled' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_carrier" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_fulfilment_status_known" CHECK ("orders"."fulfilment_status" in ('unfulfilled', 'shipped', 'delivered'));--> statement-breakpoint
-- Orders whose tracking Amazon accepted before this column existed are shipped, with their latest parcel.
UPDATE "orders" SET "fulfilment_status" = 'shipped', "shipping_carrier" = "latest"."request"->>'carrierCode', "tracking_number" = "latest"."request"->>'trackingNumber', "shipped_at" = "latest"."created_at"
FROM (
  SELECT DISTINCT ON ("order_id") "order_id", "request", "created_at" FROM "admin_operations"
  WHERE "kind" = 'delivery_tracking' AND "status" = 'succeeded'
  ORDER BY "order_id", "created_at" DESC
) AS "latest"
WHERE "orders"."id" = "latest"."order_id";
