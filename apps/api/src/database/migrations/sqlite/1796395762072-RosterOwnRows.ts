import { MigrationInterface, QueryRunner } from "typeorm";

export class RosterOwnRows1796395762072 implements MigrationInterface {
    name = 'RosterOwnRows1796395762072'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_batch_roster_token"`);
        await queryRunner.query(`CREATE TABLE "insurance" ("batchId" integer PRIMARY KEY NOT NULL, "insurer" varchar(100) NOT NULL, "policyNumber" varchar(64) NOT NULL, "sumInsured" bigint NOT NULL, "recordedAt" datetime NOT NULL, "recordedById" integer)`);
        await queryRunner.query(`CREATE TABLE "roster" ("batchId" integer PRIMARY KEY NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL DEFAULT ('DRAFT'), "token" varchar(64), "publishedOn" date, "clearsOn" date, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_roster_token" ON "roster" ("token") `);
        await queryRunner.query(`CREATE INDEX "idx_roster_status_clears" ON "roster" ("status", "clearsOn") `);
        // The rows that differ from a batch with no row (a DRAFT list, not insured) move off the batch.
        await queryRunner.query(`INSERT INTO "roster" ("batchId", "status", "token", "publishedOn", "clearsOn", "updatedAt") SELECT "id", "rosterStatus", "rosterToken", "rosterPublishedOn", "rosterClearsOn", "updatedAt" FROM "batch" WHERE "rosterStatus" <> 'DRAFT' OR "rosterToken" IS NOT NULL`);
        await queryRunner.query(`INSERT INTO "insurance" ("batchId", "insurer", "policyNumber", "sumInsured", "recordedAt", "recordedById") SELECT "id", "insurer", "insurancePolicyNumber", "sumInsured", "updatedAt", NULL FROM "batch" WHERE "insurer" IS NOT NULL AND "insurancePolicyNumber" IS NOT NULL AND "sumInsured" IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`CREATE TABLE "temporary_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "unionPolicyId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId" FROM "batch"`);
        await queryRunner.query(`DROP TABLE "batch"`);
        await queryRunner.query(`ALTER TABLE "temporary_batch" RENAME TO "batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`ALTER TABLE "batch" RENAME TO "temporary_batch"`);
        await queryRunner.query(`CREATE TABLE "batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "insurer" varchar(100), "insurancePolicyNumber" varchar(64), "sumInsured" bigint, "rosterStatus" varchar CHECK( "rosterStatus" IN ('DRAFT','SUBMITTED','APPROVED','PUBLISHED','CLEARED') ) NOT NULL DEFAULT ('DRAFT'), "rosterToken" varchar(64), "rosterPublishedOn" date, "rosterClearsOn" date, "unionPolicyId" integer)`);
        await queryRunner.query(`INSERT INTO "batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId" FROM "temporary_batch"`);
        await queryRunner.query(`DROP TABLE "temporary_batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        // Back onto the batch before the rows go.
        await queryRunner.query(`UPDATE "batch" SET "rosterStatus" = COALESCE((SELECT "r"."status" FROM "roster" "r" WHERE "r"."batchId" = "batch"."id"), 'DRAFT'), "rosterToken" = (SELECT "r"."token" FROM "roster" "r" WHERE "r"."batchId" = "batch"."id"), "rosterPublishedOn" = (SELECT "r"."publishedOn" FROM "roster" "r" WHERE "r"."batchId" = "batch"."id"), "rosterClearsOn" = (SELECT "r"."clearsOn" FROM "roster" "r" WHERE "r"."batchId" = "batch"."id")`);
        await queryRunner.query(`UPDATE "batch" SET "insurer" = (SELECT "i"."insurer" FROM "insurance" "i" WHERE "i"."batchId" = "batch"."id"), "insurancePolicyNumber" = (SELECT "i"."policyNumber" FROM "insurance" "i" WHERE "i"."batchId" = "batch"."id"), "sumInsured" = (SELECT "i"."sumInsured" FROM "insurance" "i" WHERE "i"."batchId" = "batch"."id")`);
        await queryRunner.query(`DROP INDEX "idx_roster_status_clears"`);
        await queryRunner.query(`DROP INDEX "uq_roster_token"`);
        await queryRunner.query(`DROP TABLE "roster"`);
        await queryRunner.query(`DROP TABLE "insurance"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_roster_token" ON "batch" ("rosterToken") `);
    }

}
