CREATE TABLE "ipn_subscriptions" (
	"topic_arn" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"message_id" text NOT NULL,
	"subscribe_host" text,
	"subscription_arn" text,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
