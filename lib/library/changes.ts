/**
 * Tells every open page when the library changed: a save from the context menu (in the background) must
 * show up in an open library tab. BroadcastChannel reaches every context of the extension's origin and
 * exists in Node, so this stays free of `browser.*`.
 */

export const CHANNEL_NAME = 'clean-reader-library';

export type ChangeKind = 'saved' | 'updated' | 'removed' | 'restored' | 'purged' | 'reindexed';

export interface LibraryChange {
  kind: ChangeKind;
  ids: number[];
}

/** Posts changes on one channel, created when first needed. */
export class ChangeNotifier {
  private channel: BroadcastChannel | null = null;

  constructor(private readonly name: string = CHANNEL_NAME) {}

  notify(change: LibraryChange): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel ??= new BroadcastChannel(this.name);
    this.channel.postMessage(change);
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
  }
}

/** Calls `listener` for every change posted by any context, this one included. Returns the unsubscribe. */
export function subscribe(listener: (change: LibraryChange) => void, name: string = CHANNEL_NAME): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<LibraryChange>) => listener(event.data);
  return () => channel.close();
}
