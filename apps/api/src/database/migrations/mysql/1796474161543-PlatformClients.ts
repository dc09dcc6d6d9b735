import { MigrationInterface, QueryRunner } from "typeorm";

export class PlatformClients1796474161543 implements MigrationInterface {
    name = 'PlatformClients1796474161543'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`type\` varchar(50) NOT NULL, \`batchId\` int NULL, \`unionId\` int NULL, \`regionId\` int NULL, \`payload\` text NOT NULL, \`createdAt\` datetime NOT NULL, \`fannedOutAt\` datetime NULL, UNIQUE INDEX \`uq_outbox_event_event\` (\`eventId\`), INDEX \`idx_outbox_event_pending\` (\`fannedOutAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`platform_client\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` varchar(40) NOT NULL, \`name\` varchar(100) NOT NULL, \`regionId\` int NULL, \`unionIds\` text NULL, \`operations\` text NOT NULL, \`webhookUrl\` varchar(500) NOT NULL, \`requestsPerMinute\` int NOT NULL, \`active\` tinyint NOT NULL, \`secretHash\` varchar(64) NOT NULL, \`tokenVersion\` int NOT NULL, \`secretVersion\` int NOT NULL, \`fromOutboxId\` int NOT NULL, \`createdAt\` datetime NOT NULL, \`revokedAt\` datetime NULL, UNIQUE INDEX \`uq_platform_client_client_id\` (\`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`webhook_delivery\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NOT NULL, \`outboxId\` int NOT NULL, \`eventId\` varchar(36) NOT NULL, \`eventType\` varchar(50) NOT NULL, \`batchId\` int NULL, \`status\` enum ('PENDING', 'DELIVERED', 'DEAD') NOT NULL, \`attempts\` int NOT NULL, \`nextAttemptAt\` datetime NOT NULL, \`lastAttemptAt\` datetime NULL, \`lastStatusCode\` int NULL, \`lastError\` varchar(500) NULL, \`deliveredAt\` datetime NULL, \`deadlineAt\` datetime NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`idx_webhook_delivery_order\` (\`clientId\`, \`batchId\`, \`outboxId\`), INDEX \`idx_webhook_delivery_due\` (\`status\`, \`nextAttemptAt\`), UNIQUE INDEX \`uq_webhook_delivery_client_event\` (\`clientId\`, \`outboxId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_webhook_delivery_client_event\` ON \`webhook_delivery\``);
        await queryRunner.query(`DROP INDEX \`idx_webhook_delivery_due\` ON \`webhook_delivery\``);
        await queryRunner.query(`DROP INDEX \`idx_webhook_delivery_order\` ON \`webhook_delivery\``);
        await queryRunner.query(`DROP TABLE \`webhook_delivery\``);
        await queryRunner.query(`DROP INDEX \`uq_platform_client_client_id\` ON \`platform_client\``);
        await queryRunner.query(`DROP TABLE \`platform_client\``);
        await queryRunner.query(`DROP INDEX \`idx_outbox_event_pending\` ON \`outbox_event\``);
        await queryRunner.query(`DROP INDEX \`uq_outbox_event_event\` ON \`outbox_event\``);
        await queryRunner.query(`DROP TABLE \`outbox_event\``);
    }

}
