import {
  ListAddAllCodec,
  ListAddAllWithIndexCodec,
  ListAddCodec,
  ListAddListenerCodec,
  ListAddWithIndexCodec,
  ListClearCodec,
  ListCompareAndRemoveAllCodec,
  ListCompareAndRetainAllCodec,
  ListContainsAllCodec,
  ListContainsCodec,
  ListGetAllCodec,
  ListGetCodec,
  ListIndexOfCodec,
  ListIsEmptyCodec,
  ListLastIndexOfCodec,
  ListListIteratorCodec,
  ListRemoveCodec,
  ListRemoveListenerCodec,
  ListRemoveWithIndexCodec,
  ListSetCodec,
  ListSizeCodec,
  ListSubCodec,
} from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import { CollectionProxy } from '../collection/collection-proxy';
import type { ItemListener, ItemListenerCodec, ItemListenerOptions } from '../collection/item-listener';
import { type IList, LIST_SERVICE_NAME } from './list';

const ITEM_LISTENER: ItemListenerCodec = {
  encodeAddRequest: (name, includeValue, localOnly) =>
    ListAddListenerCodec.encodeRequest(name, includeValue, localOnly),
  decodeAddResponse: (response) => ListAddListenerCodec.decodeResponse(response).response,
  encodeRemoveRequest: (name, id) => ListRemoveListenerCodec.encodeRequest(name, id),
  handleEvent: (message, onItem) => ListAddListenerCodec.handleEvent(message, { onItem }),
};

export class ListProxy<E> extends CollectionProxy<E> implements IList<E> {
  constructor(host: PluginHost, name: string) {
    super(host, LIST_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'List';
  }

  async add(item: E): Promise<boolean> {
    const request = ListAddCodec.encodeRequest(this.name, this.item(item));
    return ListAddCodec.decodeResponse(await this.invoke(request)).response;
  }

  async addAt(index: number, item: E): Promise<void> {
    const at = this.index(index, 'index');
    await this.invoke(ListAddWithIndexCodec.encodeRequest(this.name, at, this.item(item)));
  }

  async addAll(items: Iterable<E>): Promise<boolean> {
    const request = ListAddAllCodec.encodeRequest(this.name, this.items(items));
    return ListAddAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async addAllAt(index: number, items: Iterable<E>): Promise<boolean> {
    const at = this.index(index, 'index');
    const request = ListAddAllWithIndexCodec.encodeRequest(this.name, at, this.items(items));
    return ListAddAllWithIndexCodec.decodeResponse(await this.invoke(request)).response;
  }

  async get(index: number): Promise<E> {
    const request = ListGetCodec.encodeRequest(this.name, this.index(index, 'index'));
    return (await this.toObject<E>(ListGetCodec.decodeResponse(await this.invoke(request)).response)) as E;
  }

  async setAt(index: number, item: E): Promise<E> {
    const at = this.index(index, 'index');
    const request = ListSetCodec.encodeRequest(this.name, at, this.item(item));
    return (await this.toObject<E>(ListSetCodec.decodeResponse(await this.invoke(request)).response)) as E;
  }

  async removeAt(index: number): Promise<E> {
    const request = ListRemoveWithIndexCodec.encodeRequest(this.name, this.index(index, 'index'));
    const response = await this.invoke(request);
    return (await this.toObject<E>(ListRemoveWithIndexCodec.decodeResponse(response).response)) as E;
  }

  async remove(item: E): Promise<boolean> {
    const request = ListRemoveCodec.encodeRequest(this.name, this.item(item));
    return ListRemoveCodec.decodeResponse(await this.invoke(request)).response;
  }

  async removeAll(items: Iterable<E>): Promise<boolean> {
    const request = ListCompareAndRemoveAllCodec.encodeRequest(this.name, this.items(items));
    return ListCompareAndRemoveAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async retainAll(items: Iterable<E>): Promise<boolean> {
    const request = ListCompareAndRetainAllCodec.encodeRequest(this.name, this.items(items));
    return ListCompareAndRetainAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async indexOf(item: E): Promise<number> {
    const request = ListIndexOfCodec.encodeRequest(this.name, this.item(item));
    return ListIndexOfCodec.decodeResponse(await this.invoke(request)).response;
  }

  async lastIndexOf(item: E): Promise<number> {
    const request = ListLastIndexOfCodec.encodeRequest(this.name, this.item(item));
    return ListLastIndexOfCodec.decodeResponse(await this.invoke(request)).response;
  }

  async contains(item: E): Promise<boolean> {
    const request = ListContainsCodec.encodeRequest(this.name, this.item(item));
    return ListContainsCodec.decodeResponse(await this.invoke(request)).response;
  }

  async containsAll(items: Iterable<E>): Promise<boolean> {
    const request = ListContainsAllCodec.encodeRequest(this.name, this.items(items));
    return ListContainsAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async subList(fromIndex: number, toIndex: number): Promise<E[]> {
    const from = this.index(fromIndex, 'fromIndex');
    const to = this.index(toIndex, 'toIndex');
    if (from > to) throw this.illegalArgument(`fromIndex ${from} is greater than toIndex ${to}`);
    const response = await this.invoke(ListSubCodec.encodeRequest(this.name, from, to));
    return this.itemsOf(ListSubCodec.decodeResponse(response).response);
  }

  async getAll(): Promise<E[]> {
    const response = await this.invoke(ListGetAllCodec.encodeRequest(this.name));
    return this.itemsOf(ListGetAllCodec.decodeResponse(response).response);
  }

  iterator(): Promise<E[]> {
    return this.getAll();
  }

  async listIterator(index = 0): Promise<E[]> {
    const request = ListListIteratorCodec.encodeRequest(this.name, this.index(index, 'index'));
    return this.itemsOf(ListListIteratorCodec.decodeResponse(await this.invoke(request)).response);
  }

  async size(): Promise<number> {
    return ListSizeCodec.decodeResponse(await this.invoke(ListSizeCodec.encodeRequest(this.name))).response;
  }

  async isEmpty(): Promise<boolean> {
    return ListIsEmptyCodec.decodeResponse(await this.invoke(ListIsEmptyCodec.encodeRequest(this.name)))
      .response;
  }

  async clear(): Promise<void> {
    await this.invoke(ListClearCodec.encodeRequest(this.name));
  }

  addItemListener(listener: ItemListener<E>, options?: ItemListenerOptions): Promise<string> {
    return this.registerItemListener(listener, options, ITEM_LISTENER);
  }
}
