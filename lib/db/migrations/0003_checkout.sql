CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "number" SET DEFAULT 'NW-' || nextval('order_number_seq')::text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fulfilment" text DEFAULT 'physical' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_intent" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "charge_permission_type" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "last_reason_code" text;