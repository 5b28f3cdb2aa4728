import type { GraphQLHttp } from './http';

/**
 * Fields that parallel work adds to the schema after this client was written. The client asks the
 * schema (introspection) which of them exist and only then selects them, so it works before and
 * after they land. Wiring a new one is a line here plus its use where the field is read.
 */
export const OPTIONAL_FIELDS = {
  Vehicle: ['speedKmh', 'headingDegrees', 'predictedNextCameras'],
  WatchlistHitAlert: ['cropUrl'],
  Ward: ['coverage', 'coverageRatio'],
  Camera: ['latestSnapshotUrl', 'snapshotUrl'],
  /** The AI result's provenance, and (from the PACS link) forwarding state and the UIDs that name the rendered image. */
  ClinicStudy: ['clinical', 'modelName', 'forwarding', 'seriesInstanceUid', 'sopInstanceUid', 'renderedUrl'],
} as const;

const KNOWN_ALERTS = ['WatchlistHitAlert', 'IncidentEvent'];
/** Scalar fields an alert kind added later may carry; the client shows whichever exist. */
const GENERIC_ALERT_FIELDS = ['eventId', 'occurredAt', 'location', 'clinicId', 'finding', 'summary', 'imageUrl', 'cropUrl'];

interface TypeRef {
  kind: string;
  ofType?: TypeRef | null;
}
interface FieldInfo {
  name: string;
  type?: TypeRef;
}

/** Whether a field's type, under its NON_NULL and LIST wrappers, is an object (needs a sub-selection). */
function isObjectType(type: TypeRef | undefined): boolean {
  let t: TypeRef | null | undefined = type;
  while (t && (t.kind === 'NON_NULL' || t.kind === 'LIST')) t = t.ofType;
  return !t || t.kind === 'OBJECT' || t.kind === 'INTERFACE' || t.kind === 'UNION';
}

export type OptionalType = keyof typeof OPTIONAL_FIELDS;

export class SchemaFeatures {
  constructor(
    private readonly fields: Map<string, Set<string>> = new Map(),
    /** Union members of Alert, so new alert kinds (imaging results) are selected when they exist. */
    readonly alertTypes: string[] = ['WatchlistHitAlert', 'IncidentEvent'],
    /** For alert types this client does not know: which of the generic fields they have. */
    readonly otherAlertFields: Map<string, string[]> = new Map(),
  ) {}

  /** Sub-selection for predictedNextCameras: each prediction names its camera and when the vehicle should reach it. */
  predictedSelection = ' { camera { id name location } distanceMeters etaSeconds expectedAt }';

  has(type: OptionalType, field: string): boolean {
    return this.fields.get(type)?.has(field) ?? false;
  }

  /** The optional fields of a type that the server has, as a selection fragment. */
  select(type: OptionalType, shape: Partial<Record<string, string>> = {}): string {
    return OPTIONAL_FIELDS[type]
      .filter((f) => this.has(type, f))
      .map((f) => `${f}${shape[f] ?? ''}`)
      .join(' ');
  }

  static async load(http: GraphQLHttp): Promise<SchemaFeatures> {
    const names = Object.keys(OPTIONAL_FIELDS);
    const typeRef = 'type { kind ofType { kind ofType { kind ofType { kind } } } }';
    const query = `{ ${names.map((n) => `${n}: __type(name: "${n}") { fields { name ${typeRef} } }`).join(' ')} Alert: __type(name: "Alert") { possibleTypes { name } } }`;
    try {
      const data = await http.query<Record<string, { fields?: FieldInfo[]; possibleTypes?: { name: string }[] } | null>>(query);
      const fields = new Map<string, Set<string>>();
      for (const name of names) fields.set(name, new Set((data[name]?.fields ?? []).map((f) => f.name)));
      const alertTypes = (data.Alert?.possibleTypes ?? []).map((t) => t.name);
      const others = alertTypes.filter((n) => !KNOWN_ALERTS.includes(n) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
      const otherAlertFields = new Map<string, string[]>();
      if (others.length) {
        const more = await http.query<Record<string, { fields?: { name: string }[] } | null>>(
          `{ ${others.map((n) => `${n}: __type(name: "${n}") { fields { name } }`).join(' ')} }`,
        );
        for (const n of others) otherAlertFields.set(n, (more[n]?.fields ?? []).map((f) => f.name).filter((f) => GENERIC_ALERT_FIELDS.includes(f)));
      }
      const features = new SchemaFeatures(fields, alertTypes.length ? alertTypes : undefined, otherAlertFields);
      const predicted = data.Vehicle?.fields?.find((f) => f.name === 'predictedNextCameras');
      if (predicted && !isObjectType(predicted.type)) features.predictedSelection = '';
      return features;
    } catch {
      // Introspection refused: run with the fields every schema version has.
      return new SchemaFeatures();
    }
  }
}
