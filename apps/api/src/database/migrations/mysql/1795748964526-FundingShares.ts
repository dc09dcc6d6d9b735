import { MigrationInterface, QueryRunner } from "typeorm";

export class FundingShares1795748964526 implements MigrationInterface {
    name = 'FundingShares1795748964526'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`bill_share\` (\`id\` int NOT NULL AUTO_INCREMENT, \`billId\` int NOT NULL, \`unionId\` int NOT NULL, \`year\` int NOT NULL, \`participantId\` int NOT NULL, \`personHash\` varchar(64) NOT NULL, \`unionFunded\` bigint NOT NULL, \`selfPaid\` bigint NOT NULL, \`yearlyCapReached\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_bill_share_bill\` (\`billId\`), INDEX \`idx_bill_share_person\` (\`unionId\`, \`year\`, \`personHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        // TypeORM leaves @Check out on MySQL.
        await queryRunner.query(`ALTER TABLE \`bill_share\` ADD CONSTRAINT \`chk_bill_share_amounts\` CHECK (\`unionFunded\` >= 0 AND \`selfPaid\` >= 0)`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`capPerPersonPerYear\` bigint NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`capPerPersonPerYear\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_share_person\` ON \`bill_share\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_share_bill\` ON \`bill_share\``);
        await queryRunner.query(`DROP TABLE \`bill_share\``);
    }

}
