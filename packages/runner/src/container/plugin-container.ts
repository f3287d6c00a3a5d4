import { randomUUID } from 'node:crypto';
import type { HangarPlugin, ServiceRegistration, ServiceResolver, ServiceToken } from '@hangar/core';
import { Container, type ContainerInstance } from 'typedi';

/**
 * The typedi container a runner assembles its plugins' services into. Each runner gets its own
 * container instance, so two runners in one process never share services by accident.
 */
export class PluginContainer implements ServiceResolver {
  private readonly id = `hangar-${randomUUID()}`;
  private readonly container: ContainerInstance = Container.of(this.id);

  constructor(plugins: readonly HangarPlugin[], extra: readonly ServiceRegistration[]) {
    for (const plugin of plugins) for (const reg of plugin.services ?? []) this.register(reg);
    for (const reg of extra) this.register(reg);
  }

  /** Registers one service; a later registration of the same token replaces the earlier one. */
  register(reg: ServiceRegistration): void {
    if ('value' in reg) {
      this.container.set({ id: reg.token.name, value: reg.value });
    } else {
      const factory = reg.factory;
      this.container.set({ id: reg.token.name, factory: () => factory(this) });
    }
  }

  get<T>(token: ServiceToken<T>): T {
    if (!this.container.has(token.name)) {
      throw new Error(
        `Service "${token.name}" is not registered: add the plugin that provides it or pass it in \`services\``,
      );
    }
    return this.container.get<T>(token.name);
  }

  has(token: ServiceToken<unknown>): boolean {
    return this.container.has(token.name);
  }

  /** Drops the container and its service instances. */
  async dispose(): Promise<void> {
    Container.reset(this.id);
  }
}
