-- The admin search matches parts of names, e-mails, order numbers and product names; pg_trgm indexes
-- ILIKE '%…%' (https://www.postgresql.org/docs/current/pgtrgm.html). PGlite loads the same extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "order_lines_product_name_trgm_idx" ON "order_lines" USING gin ("product_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_buyer_name_trgm_idx" ON "orders" USING gin ("buyer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_buyer_email_trgm_idx" ON "orders" USING gin ("buyer_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_number_trgm_idx" ON "orders" USING gin ("number" gin_trgm_ops);