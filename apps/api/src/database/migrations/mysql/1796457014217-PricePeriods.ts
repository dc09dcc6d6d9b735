import { MigrationInterface, QueryRunner } from "typeorm";

export class PricePeriods1796457014217 implements MigrationInterface {
    name = 'PricePeriods1796457014217'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`package_price_period\` (\`id\` int NOT NULL AUTO_INCREMENT, \`packageId\` int NOT NULL, \`season\` enum ('PEAK', 'SHOULDER', 'OFF_PEAK') NOT NULL, \`firstNight\` date NOT NULL, \`lastNight\` date NOT NULL, \`pricePerNight\` bigint NOT NULL, INDEX \`idx_price_period_package\` (\`packageId\`, \`firstNight\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_price_period_package\` ON \`package_price_period\``);
        await queryRunner.query(`DROP TABLE \`package_price_period\``);
    }

}
