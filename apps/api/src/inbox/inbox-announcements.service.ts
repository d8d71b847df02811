import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { filter, map, type Observable, Subject } from 'rxjs';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import {
  INBOX_CHANNEL,
  type InboxAnnouncement,
  listenToInboxChannel,
} from '../../../../libs/persistence/src';

const RECONNECT_DELAY_MS = 1000;

/**
 * Listens on PostgreSQL's inbox channel with one dedicated connection per API instance, so whichever
 * instance a leader's browser is connected to hears every new item, whichever worker delivered it.
 */
@Injectable()
export class InboxAnnouncements implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InboxAnnouncements.name);
  private readonly announcements = new Subject<InboxAnnouncement>();
  private client?: Client;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.announcements.complete();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** New items for one person, as they are committed. */
  forUser(userId: string): Observable<InboxAnnouncement> {
    return this.announcements.pipe(filter((announcement) => announcement.userId === userId));
  }

  /** The same, as Server-Sent Events. */
  eventsForUser(userId: string): Observable<{ type: string; data: InboxAnnouncement }> {
    return this.forUser(userId).pipe(map((data) => ({ type: 'inboxItem', data })));
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'petition-inbox-listener',
    });
    client.on('notification', (message) => {
      if (message.channel !== INBOX_CHANNEL || !message.payload) return;
      this.announcements.next(JSON.parse(message.payload) as InboxAnnouncement);
    });
    // One lost connection schedules one reconnect, however many error and end events it raises.
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.logger.warn('inbox listener lost its connection; reconnecting');
      void client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await listenToInboxChannel(client);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (!this.stopped && !this.client) this.listen().catch(() => this.reconnectLater());
    }, RECONNECT_DELAY_MS);
  }
}
