import {
  SetAddAllCodec,
  SetAddCodec,
  SetAddListenerCodec,
  SetClearCodec,
  SetCompareAndRemoveAllCodec,
  SetCompareAndRetainAllCodec,
  SetContainsAllCodec,
  SetContainsCodec,
  SetGetAllCodec,
  SetIsEmptyCodec,
  SetRemoveCodec,
  SetRemoveListenerCodec,
  SetSizeCodec,
} from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import { CollectionProxy } from '../collection/collection-proxy';
import type { ItemListener, ItemListenerCodec, ItemListenerOptions } from '../collection/item-listener';
import { type ISet, SET_SERVICE_NAME } from './set';

const ITEM_LISTENER: ItemListenerCodec = {
  encodeAddRequest: (name, includeValue, localOnly) =>
    SetAddListenerCodec.encodeRequest(name, includeValue, localOnly),
  decodeAddResponse: (response) => SetAddListenerCodec.decodeResponse(response).response,
  encodeRemoveRequest: (name, id) => SetRemoveListenerCodec.encodeRequest(name, id),
  handleEvent: (message, onItem) => SetAddListenerCodec.handleEvent(message, { onItem }),
};

export class SetProxy<E> extends CollectionProxy<E> implements ISet<E> {
  constructor(host: PluginHost, name: string) {
    super(host, SET_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'Set';
  }

  async add(item: E): Promise<boolean> {
    const request = SetAddCodec.encodeRequest(this.name, this.item(item));
    return SetAddCodec.decodeResponse(await this.invoke(request)).response;
  }

  async addAll(items: Iterable<E>): Promise<boolean> {
    const request = SetAddAllCodec.encodeRequest(this.name, this.items(items));
    return SetAddAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async remove(item: E): Promise<boolean> {
    const request = SetRemoveCodec.encodeRequest(this.name, this.item(item));
    return SetRemoveCodec.decodeResponse(await this.invoke(request)).response;
  }

  async removeAll(items: Iterable<E>): Promise<boolean> {
    const request = SetCompareAndRemoveAllCodec.encodeRequest(this.name, this.items(items));
    return SetCompareAndRemoveAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async retainAll(items: Iterable<E>): Promise<boolean> {
    const request = SetCompareAndRetainAllCodec.encodeRequest(this.name, this.items(items));
    return SetCompareAndRetainAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async contains(item: E): Promise<boolean> {
    const request = SetContainsCodec.encodeRequest(this.name, this.item(item));
    return SetContainsCodec.decodeResponse(await this.invoke(request)).response;
  }

  async containsAll(items: Iterable<E>): Promise<boolean> {
    const request = SetContainsAllCodec.encodeRequest(this.name, this.items(items));
    return SetContainsAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async getAll(): Promise<E[]> {
    const response = await this.invoke(SetGetAllCodec.encodeRequest(this.name));
    return this.itemsOf(SetGetAllCodec.decodeResponse(response).response);
  }

  values(): Promise<E[]> {
    return this.getAll();
  }

  async size(): Promise<number> {
    return SetSizeCodec.decodeResponse(await this.invoke(SetSizeCodec.encodeRequest(this.name))).response;
  }

  async isEmpty(): Promise<boolean> {
    return SetIsEmptyCodec.decodeResponse(await this.invoke(SetIsEmptyCodec.encodeRequest(this.name)))
      .response;
  }

  async clear(): Promise<void> {
    await this.invoke(SetClearCodec.encodeRequest(this.name));
  }

  addItemListener(listener: ItemListener<E>, options?: ItemListenerOptions): Promise<string> {
    return this.registerItemListener(listener, options, ITEM_LISTENER);
  }
}
