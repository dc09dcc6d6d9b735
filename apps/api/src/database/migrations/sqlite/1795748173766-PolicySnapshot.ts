import { MigrationInterface, QueryRunner } from "typeorm";

export class PolicySnapshot1795748173766 implements MigrationInterface {
    name = 'PolicySnapshot1795748173766'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_batch_roster_token"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`CREATE TABLE "temporary_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "insurer" varchar(100), "insurancePolicyNumber" varchar(64), "sumInsured" bigint, "rosterStatus" varchar CHECK( "rosterStatus" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL DEFAULT ('DRAFT'), "rosterToken" varchar(64), "rosterPublishedOn" date, "rosterClearsOn" date, "unionPolicyId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured", "rosterStatus", "rosterToken", "rosterPublishedOn", "rosterClearsOn") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured", "rosterStatus", "rosterToken", "rosterPublishedOn", "rosterClearsOn" FROM "batch"`);
        await queryRunner.query(`DROP TABLE "batch"`);
        await queryRunner.query(`ALTER TABLE "temporary_batch" RENAME TO "batch"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_roster_token" ON "batch" ("rosterToken") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        // Existing batches: the version in force when each was requested (saved by then, effective by its Shanghai date).
        await queryRunner.query(
            `UPDATE "batch" SET "unionPolicyId" = (SELECT p."id" FROM "union_policy" p WHERE p."unionId" = "batch"."unionId" AND p."effectiveFrom" <= date("batch"."createdAt", '+8 hours') AND p."createdAt" <= "batch"."createdAt" ORDER BY p."effectiveFrom" DESC LIMIT 1)`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "uq_batch_roster_token"`);
        await queryRunner.query(`ALTER TABLE "batch" RENAME TO "temporary_batch"`);
        await queryRunner.query(`CREATE TABLE "batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "insurer" varchar(100), "insurancePolicyNumber" varchar(64), "sumInsured" bigint, "rosterStatus" varchar CHECK( "rosterStatus" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL DEFAULT ('DRAFT'), "rosterToken" varchar(64), "rosterPublishedOn" date, "rosterClearsOn" date)`);
        await queryRunner.query(`INSERT INTO "batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured", "rosterStatus", "rosterToken", "rosterPublishedOn", "rosterClearsOn") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "insurer", "insurancePolicyNumber", "sumInsured", "rosterStatus", "rosterToken", "rosterPublishedOn", "rosterClearsOn" FROM "temporary_batch"`);
        await queryRunner.query(`DROP TABLE "temporary_batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_roster_token" ON "batch" ("rosterToken") `);
    }

}
