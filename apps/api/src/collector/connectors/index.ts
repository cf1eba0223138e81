import type { SourceKind } from '../entities/data-source.entity';
import { BpsConnector } from './bps.connector';
import { CkanConnector } from './ckan.connector';
import type { AnyConnector } from './connector';
import { GenericHttpConnector } from './generic-http.connector';
import { OpenDataJatimConnector } from './opendata-jatim.connector';
import { SipdConnector } from './sipd.connector';

export const CONNECTORS = [BpsConnector, OpenDataJatimConnector, CkanConnector, GenericHttpConnector, SipdConnector];

export function connectorFor(kind: SourceKind, all: AnyConnector[]): AnyConnector {
  const c = all.find((x) => x.kind === kind);
  if (!c) throw new Error(`No connector for kind ${kind}`);
  return c;
}
