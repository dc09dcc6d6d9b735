import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795705578266 implements MigrationInterface {
    name = 'Initial1795705578266'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(50) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','BASE_OPERATOR','UNION_ORGANISER','PARTNER') ) NOT NULL, "baseId" integer, "unionId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
        await queryRunner.query(`CREATE TABLE "base" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "county" varchar(50) NOT NULL, "address" varchar(200), "description" varchar(1000), "isDemo" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_base_code" ON "base" ("code") `);
        await queryRunner.query(`CREATE TABLE "capacity_night" ("baseId" integer NOT NULL, "night" date NOT NULL, "totalBeds" integer NOT NULL DEFAULT (0), "reservedBeds" integer NOT NULL DEFAULT (0), "closed" boolean NOT NULL DEFAULT (0), "closedReason" varchar(200), CONSTRAINT "chk_capacity_beds" CHECK ("reservedBeds" >= 0 AND "reservedBeds" <= "totalBeds"), PRIMARY KEY ("baseId", "night"))`);
        await queryRunner.query(`CREATE TABLE "package" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "baseId" integer NOT NULL, "name" varchar(100) NOT NULL, "nights" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "minGroupSize" integer NOT NULL, "maxGroupSize" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "description" varchar(1000), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "idx_package_base" ON "package" ("baseId") `);
        await queryRunner.query(`CREATE TABLE "trade_union" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "city" varchar(50) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_union_code" ON "trade_union" ("code") `);
        await queryRunner.query(`CREATE TABLE "batch_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "fromStatus" varchar CHECK( "fromStatus" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ), "toStatus" varchar CHECK( "toStatus" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "at" datetime NOT NULL DEFAULT (datetime('now')), "actorId" integer, "actor" varchar(50) NOT NULL, "reason" varchar(500))`);
        await queryRunner.query(`CREATE INDEX "idx_batch_event_batch" ON "batch_event" ("batchId", "id") `);
        await queryRunner.query(`CREATE TABLE "batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP TABLE "batch"`);
        await queryRunner.query(`DROP INDEX "idx_batch_event_batch"`);
        await queryRunner.query(`DROP TABLE "batch_event"`);
        await queryRunner.query(`DROP INDEX "uq_union_code"`);
        await queryRunner.query(`DROP TABLE "trade_union"`);
        await queryRunner.query(`DROP INDEX "idx_package_base"`);
        await queryRunner.query(`DROP TABLE "package"`);
        await queryRunner.query(`DROP TABLE "capacity_night"`);
        await queryRunner.query(`DROP INDEX "uq_base_code"`);
        await queryRunner.query(`DROP TABLE "base"`);
        await queryRunner.query(`DROP INDEX "uq_user_username"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
    }

}
