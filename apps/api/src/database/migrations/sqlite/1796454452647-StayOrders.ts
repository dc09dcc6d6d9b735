import { MigrationInterface, QueryRunner } from "typeorm";

export class StayOrders1796454452647 implements MigrationInterface {
    name = 'StayOrders1796454452647'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stay_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "baseId" integer NOT NULL, "side" varchar CHECK( "side" IN ('UNION','BASE') ) NOT NULL, "author" varchar(50) NOT NULL, "authorId" integer, "text" varchar(2000) NOT NULL, "at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_stay_message_thread" ON "stay_message" ("requestId", "baseId") `);
        await queryRunner.query(`CREATE TABLE "stay_quote" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "baseId" integer NOT NULL, "startDate" date NOT NULL, "pricePerPerson" bigint NOT NULL, "includes" varchar(1000) NOT NULL, "programme" text NOT NULL, "validUntil" date NOT NULL, "status" varchar CHECK( "status" IN ('OFFERED','ACCEPTED','DECLINED','WITHDRAWN','EXPIRED') ) NOT NULL, "packageId" integer, "batchId" integer, "quotedBy" varchar(50) NOT NULL, "quotedById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_stay_quote_status_valid" ON "stay_quote" ("status", "validUntil") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_quote_base" ON "stay_quote" ("baseId", "status") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_quote_request" ON "stay_quote" ("requestId", "status") `);
        await queryRunner.query(`CREATE TABLE "stay_quote_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "quoteId" integer NOT NULL, "from" varchar CHECK( "from" IN ('OFFERED','ACCEPTED','DECLINED','WITHDRAWN','EXPIRED') ), "to" varchar CHECK( "to" IN ('OFFERED','ACCEPTED','DECLINED','WITHDRAWN','EXPIRED') ) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_stay_quote_event" ON "stay_quote_event" ("quoteId") `);
        await queryRunner.query(`CREATE TABLE "stay_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unionId" integer NOT NULL, "unionRegionId" integer NOT NULL, "requestedById" integer, "requestedBy" varchar(50) NOT NULL, "earliestStart" date NOT NULL, "latestStart" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "budgetPerPerson" bigint, "themes" text NOT NULL, "dietNeeds" varchar(500), "accessibilityNeeds" varchar(500), "notes" varchar(2000), "status" varchar CHECK( "status" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED') ) NOT NULL, "expiresAt" datetime NOT NULL, "acceptedQuoteId" integer, "batchId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_status_expires" ON "stay_request" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_region" ON "stay_request" ("unionRegionId", "status") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_union" ON "stay_request" ("unionId", "status") `);
        await queryRunner.query(`CREATE TABLE "stay_request_base" ("requestId" integer NOT NULL, "baseId" integer NOT NULL, PRIMARY KEY ("requestId", "baseId"))`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_base_base" ON "stay_request_base" ("baseId") `);
        await queryRunner.query(`CREATE TABLE "stay_request_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "from" varchar CHECK( "from" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED') ), "to" varchar CHECK( "to" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED') ) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_event" ON "stay_request_event" ("requestId") `);
        await queryRunner.query(`DROP INDEX "idx_package_base"`);
        await queryRunner.query(`CREATE TABLE "temporary_package" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "baseId" integer NOT NULL, "name" varchar(100) NOT NULL, "nights" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "minGroupSize" integer NOT NULL, "maxGroupSize" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "description" varchar(1000), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "privateForUnionId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_package"("id", "baseId", "name", "nights", "pricePerPerson", "minGroupSize", "maxGroupSize", "active", "description", "createdAt", "updatedAt") SELECT "id", "baseId", "name", "nights", "pricePerPerson", "minGroupSize", "maxGroupSize", "active", "description", "createdAt", "updatedAt" FROM "package"`);
        await queryRunner.query(`DROP TABLE "package"`);
        await queryRunner.query(`ALTER TABLE "temporary_package" RENAME TO "package"`);
        await queryRunner.query(`CREATE INDEX "idx_package_base" ON "package" ("baseId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_package_base"`);
        await queryRunner.query(`ALTER TABLE "package" RENAME TO "temporary_package"`);
        await queryRunner.query(`CREATE TABLE "package" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "baseId" integer NOT NULL, "name" varchar(100) NOT NULL, "nights" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "minGroupSize" integer NOT NULL, "maxGroupSize" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "description" varchar(1000), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "package"("id", "baseId", "name", "nights", "pricePerPerson", "minGroupSize", "maxGroupSize", "active", "description", "createdAt", "updatedAt") SELECT "id", "baseId", "name", "nights", "pricePerPerson", "minGroupSize", "maxGroupSize", "active", "description", "createdAt", "updatedAt" FROM "temporary_package"`);
        await queryRunner.query(`DROP TABLE "temporary_package"`);
        await queryRunner.query(`CREATE INDEX "idx_package_base" ON "package" ("baseId") `);
        await queryRunner.query(`DROP INDEX "idx_stay_request_event"`);
        await queryRunner.query(`DROP TABLE "stay_request_event"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_base_base"`);
        await queryRunner.query(`DROP TABLE "stay_request_base"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_union"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_region"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_status_expires"`);
        await queryRunner.query(`DROP TABLE "stay_request"`);
        await queryRunner.query(`DROP INDEX "idx_stay_quote_event"`);
        await queryRunner.query(`DROP TABLE "stay_quote_event"`);
        await queryRunner.query(`DROP INDEX "idx_stay_quote_request"`);
        await queryRunner.query(`DROP INDEX "idx_stay_quote_base"`);
        await queryRunner.query(`DROP INDEX "idx_stay_quote_status_valid"`);
        await queryRunner.query(`DROP TABLE "stay_quote"`);
        await queryRunner.query(`DROP INDEX "idx_stay_message_thread"`);
        await queryRunner.query(`DROP TABLE "stay_message"`);
    }

}
