CREATE TYPE "public"."access_request_status" AS ENUM('new', 'in_progress', 'arranged', 'cannot_arrange');--> statement-breakpoint
CREATE TABLE "access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"status" "access_request_status" DEFAULT 'new' NOT NULL,
	"assignee_user_id" uuid,
	"notes_cipher" text,
	"notes_key_id" text,
	"message_cipher" text,
	"message_key_id" text,
	"answer_changed_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "access_requests_ticketId_unique" UNIQUE("ticket_id"),
	CONSTRAINT "access_requests_notes_sealed" CHECK (("access_requests"."notes_cipher" is null) = ("access_requests"."notes_key_id" is null)),
	CONSTRAINT "access_requests_message_sealed" CHECK (("access_requests"."message_cipher" is null) = ("access_requests"."message_key_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sensitive_data_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ALTER COLUMN "value" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "value_cipher" text;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "is_access_need" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "pronouns_cipher" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "pronouns_key_id" text;--> statement-breakpoint
ALTER TABLE "ticket_tokens" ADD COLUMN "purpose" text DEFAULT 'qr' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_data_views" ADD CONSTRAINT "sensitive_data_views_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_data_views" ADD CONSTRAINT "sensitive_data_views_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_requests_event_status" ON "access_requests" USING btree ("event_id","status","created_at");--> statement-breakpoint
CREATE INDEX "sensitive_data_views_ticket" ON "sensitive_data_views" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "sensitive_data_views_audit" ON "sensitive_data_views" USING btree ("audit_id");--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_one_form" CHECK (("answers"."value" is null) <> ("answers"."value_cipher" is null) and ("answers"."value_cipher" is null) = ("answers"."key_id" is null));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_pronouns_sealed" CHECK (("tickets"."pronouns_cipher" is null) = ("tickets"."pronouns_key_id" is null));--> statement-breakpoint
ALTER TABLE "ticket_tokens" ADD CONSTRAINT "ticket_tokens_purpose" CHECK ("ticket_tokens"."purpose" in ('qr', 'page'));