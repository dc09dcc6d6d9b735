import { MigrationInterface, QueryRunner } from "typeorm";

export class StaggeringEvents1796472373034 implements MigrationInterface {
    name = 'StaggeringEvents1796472373034'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`staggering_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(20) NOT NULL, \`cause\` varchar(10) NULL, \`baseId\` int NOT NULL, \`unionId\` int NOT NULL, \`unionRegionId\` int NULL, \`baseRegionId\` int NULL, \`agreementId\` int NULL, \`batchId\` int NULL, \`startDate\` date NOT NULL, \`movedTo\` date NULL, \`headcount\` int NOT NULL, \`at\` datetime NOT NULL, INDEX \`idx_staggering_period\` (\`startDate\`, \`baseId\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_staggering_period\` ON \`staggering_event\``);
        await queryRunner.query(`DROP TABLE \`staggering_event\``);
    }

}
