-- The admin search matches parts of names, e-mails and order numbers through pg_trgm's GIN
-- indexes (https://www.postgresql.org/docs/current/pgtrgm.html); PGlite loads the same extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "order_lines_product_name_idx" ON "order_lines" USING btree ("product_name","order_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_name_trgm_idx" ON "orders" USING gin ("buyer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_buyer_email_trgm_idx" ON "orders" USING gin ("buyer_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_number_trgm_idx" ON "orders" USING gin ("number" gin_trgm_ops);