import { MigrationInterface, QueryRunner } from "typeorm";

export class BillHistory1796396749145 implements MigrationInterface {
    name = 'BillHistory1796396749145'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "bill_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "billId" integer NOT NULL, "from" varchar CHECK( "from" IN ('ISSUED','PAID','VOID') ), "to" varchar CHECK( "to" IN ('ISSUED','PAID','VOID') ) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_bill_event_bill" ON "bill_event" ("billId", "id") `);
        // Existing bills get the history their row can tell: the issue (by issuedById, at issuedAt); a PAID bill the
        // payment that completed it (the last payment: its recorder and reference, at paidAt; none for a bill of 0.00,
        // which the system paid as issued); a VOID bill its voiding at voidedAt with voidReason. Who voided a bill was
        // never recorded: its actor says "unrecorded".
        await queryRunner.query(`INSERT INTO "bill_event" ("billId", "from", "to", "actor", "actorId", "reason", "at") SELECT "b"."id", NULL, 'ISSUED', COALESCE("u"."username", 'system'), "b"."issuedById", NULL, "b"."issuedAt" FROM "bill" "b" LEFT JOIN "app_user" "u" ON "u"."id" = "b"."issuedById" ORDER BY "b"."id"`);
        await queryRunner.query(`INSERT INTO "bill_event" ("billId", "from", "to", "actor", "actorId", "reason", "at") SELECT "b"."id", 'ISSUED', 'PAID', COALESCE("u"."username", 'system'), "p"."recordedById", CASE WHEN "p"."id" IS NULL THEN 'nothing to pay: the total is 0.00' ELSE 'completed by payment ' || "p"."reference" END, COALESCE("b"."paidAt", "b"."issuedAt") FROM "bill" "b" LEFT JOIN "payment" "p" ON "p"."id" = (SELECT MAX("q"."id") FROM "payment" "q" WHERE "q"."billId" = "b"."id") LEFT JOIN "app_user" "u" ON "u"."id" = "p"."recordedById" WHERE "b"."status" = 'PAID' ORDER BY "b"."id"`);
        await queryRunner.query(`INSERT INTO "bill_event" ("billId", "from", "to", "actor", "actorId", "reason", "at") SELECT "b"."id", 'ISSUED', 'VOID', 'unrecorded', NULL, "b"."voidReason", COALESCE("b"."voidedAt", "b"."issuedAt") FROM "bill" "b" WHERE "b"."status" = 'VOID' ORDER BY "b"."id"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_bill_event_bill"`);
        await queryRunner.query(`DROP TABLE "bill_event"`);
    }

}
