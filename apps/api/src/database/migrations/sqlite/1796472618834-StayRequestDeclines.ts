import { MigrationInterface, QueryRunner } from "typeorm";

export class StayRequestDeclines1796472618834 implements MigrationInterface {
    name = 'StayRequestDeclines1796472618834'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_stay_request_base_base"`);
        await queryRunner.query(`CREATE TABLE "temporary_stay_request_base" ("requestId" integer NOT NULL, "baseId" integer NOT NULL, "declinedAt" datetime, "declineReason" varchar(500), "declinedBy" varchar(50), "declinedById" integer, PRIMARY KEY ("requestId", "baseId"))`);
        await queryRunner.query(`INSERT INTO "temporary_stay_request_base"("requestId", "baseId") SELECT "requestId", "baseId" FROM "stay_request_base"`);
        await queryRunner.query(`DROP TABLE "stay_request_base"`);
        await queryRunner.query(`ALTER TABLE "temporary_stay_request_base" RENAME TO "stay_request_base"`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_base_base" ON "stay_request_base" ("baseId") `);
        await queryRunner.query(`DROP INDEX "idx_stay_request_union"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_region"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_status_expires"`);
        await queryRunner.query(`CREATE TABLE "temporary_stay_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unionId" integer NOT NULL, "unionRegionId" integer NOT NULL, "requestedById" integer, "requestedBy" varchar(50) NOT NULL, "earliestStart" date NOT NULL, "latestStart" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "budgetPerPerson" bigint, "themes" text NOT NULL, "dietNeeds" varchar(500), "accessibilityNeeds" varchar(500), "notes" varchar(2000), "status" varchar CHECK( "status" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED','DECLINED') ) NOT NULL, "expiresAt" datetime NOT NULL, "acceptedQuoteId" integer, "batchId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_stay_request"("id", "unionId", "unionRegionId", "requestedById", "requestedBy", "earliestStart", "latestStart", "nights", "headcount", "budgetPerPerson", "themes", "dietNeeds", "accessibilityNeeds", "notes", "status", "expiresAt", "acceptedQuoteId", "batchId", "createdAt", "updatedAt") SELECT "id", "unionId", "unionRegionId", "requestedById", "requestedBy", "earliestStart", "latestStart", "nights", "headcount", "budgetPerPerson", "themes", "dietNeeds", "accessibilityNeeds", "notes", "status", "expiresAt", "acceptedQuoteId", "batchId", "createdAt", "updatedAt" FROM "stay_request"`);
        await queryRunner.query(`DROP TABLE "stay_request"`);
        await queryRunner.query(`ALTER TABLE "temporary_stay_request" RENAME TO "stay_request"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_event"`);
        await queryRunner.query(`CREATE TABLE "temporary_stay_request_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "from" varchar CHECK( "from" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED','DECLINED') ), "to" varchar CHECK( "to" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED','DECLINED') ) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_stay_request_event"("actor", "actorId", "reason", "at", "id", "requestId", "from", "to") SELECT "actor", "actorId", "reason", "at", "id", "requestId", "from", "to" FROM "stay_request_event"`);
        await queryRunner.query(`DROP TABLE "stay_request_event"`);
        await queryRunner.query(`ALTER TABLE "temporary_stay_request_event" RENAME TO "stay_request_event"`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_event" ON "stay_request_event" ("requestId") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_status_expires" ON "stay_request" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_region" ON "stay_request" ("unionRegionId", "status") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_union" ON "stay_request" ("unionId", "status") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_stay_request_union"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_region"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_status_expires"`);
        await queryRunner.query(`DROP INDEX "idx_stay_request_event"`);
        await queryRunner.query(`ALTER TABLE "stay_request_event" RENAME TO "temporary_stay_request_event"`);
        await queryRunner.query(`CREATE TABLE "stay_request_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "from" varchar CHECK( "from" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED') ), "to" varchar CHECK( "to" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED') ) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "stay_request_event"("actor", "actorId", "reason", "at", "id", "requestId", "from", "to") SELECT "actor", "actorId", "reason", "at", "id", "requestId", "from", "to" FROM "temporary_stay_request_event"`);
        await queryRunner.query(`DROP TABLE "temporary_stay_request_event"`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_event" ON "stay_request_event" ("requestId") `);
        await queryRunner.query(`ALTER TABLE "stay_request" RENAME TO "temporary_stay_request"`);
        await queryRunner.query(`CREATE TABLE "stay_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unionId" integer NOT NULL, "unionRegionId" integer NOT NULL, "requestedById" integer, "requestedBy" varchar(50) NOT NULL, "earliestStart" date NOT NULL, "latestStart" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "budgetPerPerson" bigint, "themes" text NOT NULL, "dietNeeds" varchar(500), "accessibilityNeeds" varchar(500), "notes" varchar(2000), "status" varchar CHECK( "status" IN ('OPEN','ACCEPTED','WITHDRAWN','EXPIRED') ) NOT NULL, "expiresAt" datetime NOT NULL, "acceptedQuoteId" integer, "batchId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "stay_request"("id", "unionId", "unionRegionId", "requestedById", "requestedBy", "earliestStart", "latestStart", "nights", "headcount", "budgetPerPerson", "themes", "dietNeeds", "accessibilityNeeds", "notes", "status", "expiresAt", "acceptedQuoteId", "batchId", "createdAt", "updatedAt") SELECT "id", "unionId", "unionRegionId", "requestedById", "requestedBy", "earliestStart", "latestStart", "nights", "headcount", "budgetPerPerson", "themes", "dietNeeds", "accessibilityNeeds", "notes", "status", "expiresAt", "acceptedQuoteId", "batchId", "createdAt", "updatedAt" FROM "temporary_stay_request"`);
        await queryRunner.query(`DROP TABLE "temporary_stay_request"`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_status_expires" ON "stay_request" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_region" ON "stay_request" ("unionRegionId", "status") `);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_union" ON "stay_request" ("unionId", "status") `);
        await queryRunner.query(`DROP INDEX "idx_stay_request_base_base"`);
        await queryRunner.query(`ALTER TABLE "stay_request_base" RENAME TO "temporary_stay_request_base"`);
        await queryRunner.query(`CREATE TABLE "stay_request_base" ("requestId" integer NOT NULL, "baseId" integer NOT NULL, PRIMARY KEY ("requestId", "baseId"))`);
        await queryRunner.query(`INSERT INTO "stay_request_base"("requestId", "baseId") SELECT "requestId", "baseId" FROM "temporary_stay_request_base"`);
        await queryRunner.query(`DROP TABLE "temporary_stay_request_base"`);
        await queryRunner.query(`CREATE INDEX "idx_stay_request_base_base" ON "stay_request_base" ("baseId") `);
    }

}
