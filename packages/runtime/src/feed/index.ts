export { FEED_RETENTION_MS, type FeedListener, type Following, type MonitoringFeed } from './types.ts';
export { FileFeed } from './file-feed.ts';
export { JetStreamFeed, type JetStreamFeedOptions } from './jetstream-feed.ts';
