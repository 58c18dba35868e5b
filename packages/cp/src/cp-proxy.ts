import { IndeterminateOperationStateError } from '@hz/core-client';
import { type InvokeOptions, ProxyBase } from '@hz/core-client/plugin';
import type { ClientMessage, RaftGroupId } from '@hz/protocol';
import { CPGroupDestroyCPObjectCodec } from '@hz/protocol/codecs/cp-group';
import { type CpState, translateCpError } from './cp-plugin';
import { CPGroupDestroyedError } from './errors';
import type { CpName } from './names';

/**
 * What every CP proxy shares: its CP group (asked of the cluster on first use and remembered per client),
 * invocations on any member (the members forward them to the group's Raft leader), the translation of "no
 * CP Subsystem here" into a clear error, and destroy through the CP group.
 */
export abstract class CpProxy extends ProxyBase {
  /** Not enumerable, like the host: logging a proxy must not print the client behind it. */
  declare protected readonly state: CpState;
  /** The object's name inside its CP group, as requests carry it. */
  protected readonly objectName: string;
  readonly #groupName: string;
  #groupId: RaftGroupId | undefined;
  #generation = -1;

  constructor(state: CpState, serviceName: string, name: CpName) {
    super(state.host, serviceName, name.proxyName);
    Object.defineProperty(this, 'state', { value: state });
    this.objectName = name.objectName;
    this.#groupName = name.groupName;
  }

  /** The CP group's id: at once after the first call, from the cluster before it. */
  protected groupId(): RaftGroupId | Promise<RaftGroupId> {
    if (this.#groupId && this.#generation === this.state.generation) return this.#groupId;
    const generation = this.state.generation;
    return this.state.groupId(this.name, this.#groupName, this.kind).then((groupId) => {
      if (generation === this.state.generation) {
        this.#groupId = groupId;
        this.#generation = generation;
      }
      return groupId;
    });
  }

  /** Sends a CP request to any member (it reaches the group's leader from there). */
  protected async invoke(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage> {
    try {
      return await this.host.invokeOnRandomTarget(request, options);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Clearer errors for what the CP Subsystem reports; forgets a destroyed group. */
  protected translate(error: unknown): unknown {
    if (error instanceof CPGroupDestroyedError) {
      this.#groupId = undefined;
      this.state.forgetGroup(this.#groupName);
    }
    if (error instanceof IndeterminateOperationStateError && error.errorCode !== undefined) {
      // The member's own text ("indeterminate operation state") says nothing about what to do.
      return new IndeterminateOperationStateError(
        `${this.kind} ${this.name}: the CP group's leader failed before it confirmed this call; it may or may ` +
          'not have been applied (the members run with fail-on-indeterminate-operation-state, so it was not retried)',
        { cause: error },
      );
    }
    return translateCpError(this.host, error, this.kind, this.name);
  }

  /**
   * Destroys the object in its CP group: its state is gone for every client, and the name cannot be used
   * again until the group itself is destroyed (a CP Subsystem rule).
   */
  override async destroy(): Promise<void> {
    const groupId = await this.groupId();
    await this.invoke(
      CPGroupDestroyCPObjectCodec.encodeRequest(groupId, this.getServiceName(), this.objectName),
    );
    this.host.proxies.remove(this.getServiceName(), this.name);
  }
}
