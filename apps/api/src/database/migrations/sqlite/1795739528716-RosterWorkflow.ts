import { MigrationInterface, QueryRunner } from "typeorm";

export class RosterWorkflow1795739528716 implements MigrationInterface {
    name = 'RosterWorkflow1795739528716'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "holiday" ("date" date PRIMARY KEY NOT NULL, "name" varchar(50) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "roster_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "from" varchar CHECK( "from" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL, "to" varchar CHECK( "to" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL, "actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_roster_event_batch" ON "roster_event" ("batchId", "id") `);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`CREATE TABLE "temporary_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "insurer" varchar(100), "insurancePolicyNumber" varchar(64), "sumInsured" bigint, "rosterStatus" varchar CHECK( "rosterStatus" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL DEFAULT ('DRAFT'), "rosterToken" varchar(64), "rosterPublishedOn" date, "rosterClearsOn" date)`);
        await queryRunner.query(`INSERT INTO "temporary_batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured" FROM "batch"`);
        await queryRunner.query(`DROP TABLE "batch"`);
        await queryRunner.query(`ALTER TABLE "temporary_batch" RENAME TO "batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_roster_token" ON "batch" ("rosterToken") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_batch_roster_token"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`ALTER TABLE "batch" RENAME TO "temporary_batch"`);
        await queryRunner.query(`CREATE TABLE "batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "insurer" varchar(100), "insurancePolicyNumber" varchar(64), "sumInsured" bigint)`);
        await queryRunner.query(`INSERT INTO "batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured" FROM "temporary_batch"`);
        await queryRunner.query(`DROP TABLE "temporary_batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        await queryRunner.query(`DROP INDEX "idx_roster_event_batch"`);
        await queryRunner.query(`DROP TABLE "roster_event"`);
        await queryRunner.query(`DROP TABLE "holiday"`);
    }

}
