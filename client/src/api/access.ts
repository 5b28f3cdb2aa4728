import type { GraphQLHttp } from './http';

/** The capabilities the server names in `me { capabilities }` (src/Graph/Auth/AccessPolicy/Capability.cs). */
export type Capability = string;

const ME = 'query Me { me { role capabilities } }';

/** The entity kinds the map follows on `entityChanged`, each with the capability the server checks (LiveAccess.CapabilityOf). */
const ENTITY_KINDS: readonly (readonly [string, Capability])[] = [
  ['camera', 'CAMERAS'],
  ['ward', 'WARDS'],
  ['store', 'PLACES'],
  ['school', 'PLACES'],
  ['clinic', 'CLINICS'],
];

/**
 * What the signed-in key may do, as the server's one access policy says. The map shows only the controls this allows;
 * the server refuses the rest anyway, so a hidden control is a courtesy, never the protection.
 */
export class CallerAccess {
  private constructor(
    readonly role: string | null,
    private readonly capabilities: ReadonlySet<Capability> | null,
  ) {}

  /** Asks the server; a server without `me` (older schema) leaves every control shown, as before. */
  static async load(http: Pick<GraphQLHttp, 'query'>): Promise<CallerAccess> {
    try {
      const data = await http.query<{ me: { role: string; capabilities: string[] } }>(ME);
      return CallerAccess.of(data.me.role, data.me.capabilities);
    } catch {
      return new CallerAccess(null, null);
    }
  }

  static of(role: string, capabilities: readonly Capability[]): CallerAccess {
    return new CallerAccess(role, new Set(capabilities));
  }

  can(capability: Capability): boolean {
    return this.capabilities === null || this.capabilities.has(capability);
  }

  /** Whether any of the capabilities is held: a feed open to several (alerts: incidents or watchlist hits). */
  canAny(...capabilities: Capability[]): boolean {
    return capabilities.some((c) => this.can(c));
  }

  /** The `entityChanged` kinds this role may receive: the server refuses a subscription that names any other. */
  get entityKinds(): string[] {
    return ENTITY_KINDS.filter(([, capability]) => this.can(capability)).map(([kind]) => kind);
  }

  /** The add-to-watchlist form is an operator action (capability ACT). */
  get mayEditWatchlist(): boolean {
    return this.can('ACT');
  }
}
