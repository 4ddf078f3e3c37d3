CREATE TABLE "download_grants" (
	"order_line_id" uuid PRIMARY KEY NOT NULL,
	"downloads" integer NOT NULL,
	"first_downloaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_downloaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "download_grants_downloads_positive" CHECK ("download_grants"."downloads" > 0)
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "download_file" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;