import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxPartnerRegion1796495972198 implements MigrationInterface {
    name = 'OutboxPartnerRegion1796495972198'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_outbox_event_pending"`);
        await queryRunner.query(`DROP INDEX "uq_outbox_event_event"`);
        await queryRunner.query(`CREATE TABLE "temporary_outbox_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" varchar(36) NOT NULL, "type" varchar(50) NOT NULL, "batchId" integer, "unionId" integer, "regionId" integer, "payload" text NOT NULL, "createdAt" datetime NOT NULL, "fannedOutAt" datetime, "partnerRegionId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_outbox_event"("id", "eventId", "type", "batchId", "unionId", "regionId", "payload", "createdAt", "fannedOutAt") SELECT "id", "eventId", "type", "batchId", "unionId", "regionId", "payload", "createdAt", "fannedOutAt" FROM "outbox_event"`);
        await queryRunner.query(`DROP TABLE "outbox_event"`);
        await queryRunner.query(`ALTER TABLE "temporary_outbox_event" RENAME TO "outbox_event"`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("fannedOutAt", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_event_event" ON "outbox_event" ("eventId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_outbox_event_event"`);
        await queryRunner.query(`DROP INDEX "idx_outbox_event_pending"`);
        await queryRunner.query(`ALTER TABLE "outbox_event" RENAME TO "temporary_outbox_event"`);
        await queryRunner.query(`CREATE TABLE "outbox_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" varchar(36) NOT NULL, "type" varchar(50) NOT NULL, "batchId" integer, "unionId" integer, "regionId" integer, "payload" text NOT NULL, "createdAt" datetime NOT NULL, "fannedOutAt" datetime)`);
        await queryRunner.query(`INSERT INTO "outbox_event"("id", "eventId", "type", "batchId", "unionId", "regionId", "payload", "createdAt", "fannedOutAt") SELECT "id", "eventId", "type", "batchId", "unionId", "regionId", "payload", "createdAt", "fannedOutAt" FROM "temporary_outbox_event"`);
        await queryRunner.query(`DROP TABLE "temporary_outbox_event"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_event_event" ON "outbox_event" ("eventId") `);
        await queryRunner.query(`CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("fannedOutAt", "id") `);
    }

}
