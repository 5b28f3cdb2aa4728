/** One AI reading as the clinic's panel shows it; fields the server does not have yet are null. */
export interface ClinicStudyView {
  studyInstanceUid: string;
  analysedAt: string | null;
  abnormal: boolean;
  findings: { label: string; score: number }[];
  modelVersion: string;
  /** False: a demo or non-clinical model, never a diagnosis. Null when the server does not say. */
  clinical: boolean | null;
  modelName: string | null;
  forwarding: { state: string; attempts: number; lastError: string | null; forwardedAt: string | null } | null;
  /** Where the rendered JPEG is served (WADO-RS), fetched with the clinic's key; null when unknown. */
  renderedUrl: string | null;
}

/** The demo model's name: its readings carry the "demo model, not a diagnosis" warning. */
export const DEMO_MODEL = 'citytwin-demo-resnet18-random-head';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** WADO-RS rendered path of an instance (standard DICOMweb), relative to the host. */
export function renderedPath(study: string, series: string, instance: string): string {
  const part = encodeURIComponent;
  return `/dicomweb/studies/${part(study)}/series/${part(series)}/instances/${part(instance)}/rendered`;
}

/** Reads one `ClinicStudy` node; tolerates the optional fields being absent. */
export function readClinicStudy(raw: unknown): ClinicStudyView {
  const s = (raw ?? {}) as Record<string, unknown>;
  const study = str(s.studyInstanceUid) ?? '';
  const series = str(s.seriesInstanceUid);
  const instance = str(s.sopInstanceUid);
  const forwarding = s.forwarding as Record<string, unknown> | null | undefined;
  return {
    studyInstanceUid: study,
    analysedAt: str(s.analysedAt),
    abnormal: s.abnormal === true,
    findings: (Array.isArray(s.findings) ? s.findings : [])
      .map((f) => f as Record<string, unknown>)
      .filter((f) => typeof f.label === 'string' && typeof f.score === 'number')
      .map((f) => ({ label: f.label as string, score: f.score as number })),
    modelVersion: str(s.modelVersion) ?? '',
    clinical: typeof s.clinical === 'boolean' ? s.clinical : null,
    modelName: str(s.modelName),
    forwarding:
      forwarding && typeof forwarding.state === 'string'
        ? {
            state: forwarding.state,
            attempts: typeof forwarding.attempts === 'number' ? forwarding.attempts : 0,
            lastError: str(forwarding.lastError),
            forwardedAt: str(forwarding.forwardedAt),
          }
        : null,
    renderedUrl: str(s.renderedUrl) ?? (study && series && instance ? renderedPath(study, series, instance) : null),
  };
}
