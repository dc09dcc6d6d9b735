import { MigrationInterface, QueryRunner } from "typeorm";

export class WaitingList1796472431691 implements MigrationInterface {
    name = 'WaitingList1796472431691'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`waiting_list_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`status\` enum ('WAITING', 'OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'LEFT', 'EXPIRED') NOT NULL, \`unionId\` int NOT NULL, \`unionRegionId\` int NOT NULL, \`baseId\` int NOT NULL, \`baseRegionId\` int NOT NULL, \`packageId\` int NOT NULL, \`startDate\` date NOT NULL, \`nights\` int NOT NULL, \`headcount\` int NOT NULL, \`answerBy\` date NOT NULL, \`expiresAt\` datetime NOT NULL, \`offeredAt\` datetime NULL, \`offerExpiresAt\` datetime NULL, \`batchId\` int NULL, \`agreementId\` int NULL, \`notes\` varchar(1000) NULL, \`idempotencyKeyHash\` varchar(64) NULL, \`requestHash\` varchar(64) NOT NULL, \`createdBy\` varchar(50) NOT NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`idx_waiting_list_union\` (\`unionId\`, \`status\`), INDEX \`idx_waiting_list_expiry\` (\`status\`, \`expiresAt\`), INDEX \`idx_waiting_list_offer\` (\`status\`, \`offerExpiresAt\`), INDEX \`idx_waiting_list_queue\` (\`status\`, \`baseId\`, \`id\`), UNIQUE INDEX \`uq_waiting_list_idempotency\` (\`unionId\`, \`idempotencyKeyHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`waiting_list_event\` (\`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, \`id\` int NOT NULL AUTO_INCREMENT, \`entryId\` int NOT NULL, \`from\` enum ('WAITING', 'OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'LEFT', 'EXPIRED') NULL, \`to\` enum ('WAITING', 'OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'LEFT', 'EXPIRED') NOT NULL, INDEX \`idx_waiting_list_event\` (\`entryId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_waiting_list_event\` ON \`waiting_list_event\``);
        await queryRunner.query(`DROP TABLE \`waiting_list_event\``);
        await queryRunner.query(`DROP INDEX \`uq_waiting_list_idempotency\` ON \`waiting_list_entry\``);
        await queryRunner.query(`DROP INDEX \`idx_waiting_list_queue\` ON \`waiting_list_entry\``);
        await queryRunner.query(`DROP INDEX \`idx_waiting_list_offer\` ON \`waiting_list_entry\``);
        await queryRunner.query(`DROP INDEX \`idx_waiting_list_expiry\` ON \`waiting_list_entry\``);
        await queryRunner.query(`DROP INDEX \`idx_waiting_list_union\` ON \`waiting_list_entry\``);
        await queryRunner.query(`DROP TABLE \`waiting_list_entry\``);
    }

}
