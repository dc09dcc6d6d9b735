import { MigrationInterface, QueryRunner } from "typeorm";

export class PlatformClients1796474152893 implements MigrationInterface {
    name = 'PlatformClients1796474152893'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "outbox_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" varchar(36) NOT NULL, "type" varchar(50) NOT NULL, "batchId" integer, "unionId" integer, "regionId" integer, "payload" text NOT NULL, "createdAt" datetime NOT NULL, "fannedOutAt" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_event_event" ON "outbox_event" ("eventId") `);
        await queryRunner.query(`CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("fannedOutAt", "id") `);
        await queryRunner.query(`CREATE TABLE "platform_client" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientId" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, "regionId" integer, "unionIds" text, "operations" text NOT NULL, "webhookUrl" varchar(500) NOT NULL, "requestsPerMinute" integer NOT NULL, "active" boolean NOT NULL, "secretHash" varchar(64) NOT NULL, "tokenVersion" integer NOT NULL, "secretVersion" integer NOT NULL, "fromOutboxId" integer NOT NULL, "createdAt" datetime NOT NULL, "revokedAt" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_platform_client_client_id" ON "platform_client" ("clientId") `);
        await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientId" integer NOT NULL, "outboxId" integer NOT NULL, "eventId" varchar(36) NOT NULL, "eventType" varchar(50) NOT NULL, "batchId" integer, "status" varchar CHECK( "status" IN ('PENDING','DELIVERED','DEAD') ) NOT NULL, "attempts" integer NOT NULL, "nextAttemptAt" datetime NOT NULL, "lastAttemptAt" datetime, "lastStatusCode" integer, "lastError" varchar(500), "deliveredAt" datetime, "deadlineAt" datetime NOT NULL, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_webhook_delivery_order" ON "webhook_delivery" ("clientId", "batchId", "outboxId") `);
        await queryRunner.query(`CREATE INDEX "idx_webhook_delivery_due" ON "webhook_delivery" ("status", "nextAttemptAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_delivery_client_event" ON "webhook_delivery" ("clientId", "outboxId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_webhook_delivery_client_event"`);
        await queryRunner.query(`DROP INDEX "idx_webhook_delivery_due"`);
        await queryRunner.query(`DROP INDEX "idx_webhook_delivery_order"`);
        await queryRunner.query(`DROP TABLE "webhook_delivery"`);
        await queryRunner.query(`DROP INDEX "uq_platform_client_client_id"`);
        await queryRunner.query(`DROP TABLE "platform_client"`);
        await queryRunner.query(`DROP INDEX "idx_outbox_event_pending"`);
        await queryRunner.query(`DROP INDEX "uq_outbox_event_event"`);
        await queryRunner.query(`DROP TABLE "outbox_event"`);
    }

}
