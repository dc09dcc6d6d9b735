import { MigrationInterface, QueryRunner } from "typeorm";

export class StayOrders1796454506331 implements MigrationInterface {
    name = 'StayOrders1796454506331'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`stay_message\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`baseId\` int NOT NULL, \`side\` enum ('UNION', 'BASE') NOT NULL, \`author\` varchar(50) NOT NULL, \`authorId\` int NULL, \`text\` varchar(2000) NOT NULL, \`at\` datetime NOT NULL, INDEX \`idx_stay_message_thread\` (\`requestId\`, \`baseId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stay_quote\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`baseId\` int NOT NULL, \`startDate\` date NOT NULL, \`pricePerPerson\` bigint NOT NULL, \`includes\` varchar(1000) NOT NULL, \`programme\` text NOT NULL, \`validUntil\` date NOT NULL, \`status\` enum ('OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED') NOT NULL, \`packageId\` int NULL, \`batchId\` int NULL, \`quotedBy\` varchar(50) NOT NULL, \`quotedById\` int NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`idx_stay_quote_status_valid\` (\`status\`, \`validUntil\`), INDEX \`idx_stay_quote_base\` (\`baseId\`, \`status\`), INDEX \`idx_stay_quote_request\` (\`requestId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stay_quote_event\` (\`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, \`id\` int NOT NULL AUTO_INCREMENT, \`quoteId\` int NOT NULL, \`from\` enum ('OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED') NULL, \`to\` enum ('OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED') NOT NULL, INDEX \`idx_stay_quote_event\` (\`quoteId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stay_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unionId\` int NOT NULL, \`unionRegionId\` int NOT NULL, \`requestedById\` int NULL, \`requestedBy\` varchar(50) NOT NULL, \`earliestStart\` date NOT NULL, \`latestStart\` date NOT NULL, \`nights\` int NOT NULL, \`headcount\` int NOT NULL, \`budgetPerPerson\` bigint NULL, \`themes\` text NOT NULL, \`dietNeeds\` varchar(500) NULL, \`accessibilityNeeds\` varchar(500) NULL, \`notes\` varchar(2000) NULL, \`status\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED') NOT NULL, \`expiresAt\` datetime NOT NULL, \`acceptedQuoteId\` int NULL, \`batchId\` int NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`idx_stay_request_status_expires\` (\`status\`, \`expiresAt\`), INDEX \`idx_stay_request_region\` (\`unionRegionId\`, \`status\`), INDEX \`idx_stay_request_union\` (\`unionId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stay_request_base\` (\`requestId\` int NOT NULL, \`baseId\` int NOT NULL, INDEX \`idx_stay_request_base_base\` (\`baseId\`), PRIMARY KEY (\`requestId\`, \`baseId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stay_request_event\` (\`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, \`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`from\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED') NULL, \`to\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED') NOT NULL, INDEX \`idx_stay_request_event\` (\`requestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`package\` ADD \`privateForUnionId\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`package\` DROP COLUMN \`privateForUnionId\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_event\` ON \`stay_request_event\``);
        await queryRunner.query(`DROP TABLE \`stay_request_event\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_base_base\` ON \`stay_request_base\``);
        await queryRunner.query(`DROP TABLE \`stay_request_base\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_union\` ON \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_region\` ON \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_status_expires\` ON \`stay_request\``);
        await queryRunner.query(`DROP TABLE \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_quote_event\` ON \`stay_quote_event\``);
        await queryRunner.query(`DROP TABLE \`stay_quote_event\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_quote_request\` ON \`stay_quote\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_quote_base\` ON \`stay_quote\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_quote_status_valid\` ON \`stay_quote\``);
        await queryRunner.query(`DROP TABLE \`stay_quote\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_message_thread\` ON \`stay_message\``);
        await queryRunner.query(`DROP TABLE \`stay_message\``);
    }

}
