import { INestApplicationContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from './access.decorator';

export interface RouteAccess {
  method: string;
  path: string;
  access: string;
}

const join = (...parts: string[]) => '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');

/**
 * Every HTTP route of the application with the access rule it declares:
 * "public", "authenticated", "roles:a,b" or "UNDECLARED". Used by the route
 * test so that any permission change is visible in review.
 */
export function listRouteAccess(app: INestApplicationContext, globalPrefix = 'api', unprefixed = /^\/?open311\//): RouteAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler);
      const method = Reflect.getMetadata(METHOD_METADATA, handler);
      if (methodPaths === undefined || method === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, wrapper.metatype]);
      const access = !rule ? 'UNDECLARED' : rule.kind === 'roles' ? `roles:${[...rule.roles].sort().join(',')}` : rule.kind;
      for (const cp of controllerPaths) {
        for (const mp of ([] as string[]).concat(methodPaths)) {
          routes.push({ method: RequestMethod[method as RequestMethod], path: join(unprefixed.test(cp) ? '' : globalPrefix, cp, mp), access });
        }
      }
    }
  }
  return routes.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}
