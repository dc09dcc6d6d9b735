import { MigrationInterface, QueryRunner } from "typeorm";

export class Billing1795710788722 implements MigrationInterface {
    name = 'Billing1795710788722'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`bill_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`billId\` int NOT NULL, \`position\` int NOT NULL, \`kind\` enum ('PACKAGE', 'CONSUMPTION', 'CANCELLATION_FEE') NOT NULL, \`description\` varchar(300) NOT NULL, \`quantity\` int NOT NULL, \`unitPrice\` bigint NOT NULL, \`amount\` bigint NOT NULL, \`consumptionEntryId\` int NULL, INDEX \`idx_bill_line_bill\` (\`billId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`bill\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`baseId\` int NOT NULL, \`unionId\` int NOT NULL, \`batchReference\` varchar(32) NOT NULL, \`batchStartDate\` date NOT NULL, \`kind\` enum ('STAY', 'CANCELLATION_FEE') NOT NULL, \`status\` enum ('ISSUED', 'PAID', 'VOID') NOT NULL, \`total\` bigint NOT NULL, \`paid\` bigint NOT NULL, \`activeKey\` varchar(40) NULL, \`issuedAt\` datetime NOT NULL, \`issuedById\` int NULL, \`paidAt\` datetime NULL, \`voidedAt\` datetime NULL, \`voidReason\` varchar(500) NULL, INDEX \`idx_bill_period\` (\`batchStartDate\`, \`status\`, \`baseId\`, \`unionId\`, \`total\`, \`paid\`), INDEX \`idx_bill_batch\` (\`batchId\`), UNIQUE INDEX \`uq_bill_active\` (\`activeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`payment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`billId\` int NOT NULL, \`amount\` bigint NOT NULL, \`method\` enum ('BANK_TRANSFER', 'UNION_FUNDS', 'WECHAT_PAY', 'ALIPAY', 'CASH') NOT NULL, \`reference\` varchar(100) NOT NULL, \`recordedById\` int NULL, \`recordedAt\` datetime NOT NULL, INDEX \`idx_payment_bill\` (\`billId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`cancellation_policy\` (\`baseId\` int NOT NULL, \`windows\` text NOT NULL, \`updatedById\` int NULL, \`updatedAt\` datetime NOT NULL, PRIMARY KEY (\`baseId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`consumption_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`baseId\` int NOT NULL, \`unionId\` int NOT NULL, \`category\` enum ('LODGING', 'MEALS', 'ACTIVITIES', 'TRANSPORT', 'OTHER') NOT NULL, \`description\` varchar(200) NOT NULL, \`quantity\` int NOT NULL, \`unitPrice\` bigint NOT NULL, \`amount\` bigint NOT NULL, \`occurredOn\` date NOT NULL, \`reversesEntryId\` int NULL, \`reason\` varchar(500) NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`uq_consumption_reverses\` (\`reversesEntryId\`), INDEX \`idx_consumption_batch\` (\`batchId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE INDEX \`idx_batch_period\` ON \`batch\` (\`startDate\`, \`status\`, \`baseId\`, \`unionId\`, \`headcount\`, \`nights\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_batch_period\` ON \`batch\``);
        await queryRunner.query(`DROP INDEX \`idx_consumption_batch\` ON \`consumption_entry\``);
        await queryRunner.query(`DROP INDEX \`uq_consumption_reverses\` ON \`consumption_entry\``);
        await queryRunner.query(`DROP TABLE \`consumption_entry\``);
        await queryRunner.query(`DROP TABLE \`cancellation_policy\``);
        await queryRunner.query(`DROP INDEX \`idx_payment_bill\` ON \`payment\``);
        await queryRunner.query(`DROP TABLE \`payment\``);
        await queryRunner.query(`DROP INDEX \`uq_bill_active\` ON \`bill\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_batch\` ON \`bill\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_period\` ON \`bill\``);
        await queryRunner.query(`DROP TABLE \`bill\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_line_bill\` ON \`bill_line\``);
        await queryRunner.query(`DROP TABLE \`bill_line\``);
    }

}
