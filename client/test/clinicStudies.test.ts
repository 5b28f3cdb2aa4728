import { describe, expect, it } from 'vitest';
import { SchemaFeatures } from '../src/api/features';
import type { GraphQLHttp } from '../src/api/http';
import { clinicStudiesQuery } from '../src/api/queries';
import { setLanguage } from '../src/i18n';
import { DEMO_MODEL, readClinicStudy } from '../src/state/clinicStudies';
import { clinicStudiesHtml } from '../src/ui/clinicStudies';

/** An introspection answer naming the ClinicStudy fields the server has. */
async function featuresWith(...fields: { name: string; kind: string }[]): Promise<SchemaFeatures> {
  const answer = { ClinicStudy: { fields: fields.map((f) => ({ name: f.name, type: { kind: f.kind } })) }, Alert: null };
  return SchemaFeatures.load({ query: async () => answer } as unknown as GraphQLHttp);
}

const demoReading = {
  studyInstanceUid: '1.2.3',
  analysedAt: '2026-12-07T08:00:00Z',
  abnormal: true,
  modelVersion: '1.0',
  findings: [
    { label: 'Pleural effusion', score: 0.71 },
    { label: 'Nodule', score: 0.55 },
  ],
  clinical: false,
  modelName: DEMO_MODEL,
};

describe('clinic studies query', () => {
  it('selects no optional field before the schema has them', async () => {
    const query = clinicStudiesQuery(await featuresWith({ name: 'studyInstanceUid', kind: 'SCALAR' }));
    expect(query).toContain('findings { label score }');
    expect(query).not.toContain('clinical');
    expect(query).not.toContain('forwarding');
  });

  it('selects the clinical flag, the model name and forwarding with its sub-selection when present', async () => {
    const query = clinicStudiesQuery(
      await featuresWith(
        { name: 'clinical', kind: 'NON_NULL' },
        { name: 'modelName', kind: 'NON_NULL' },
        { name: 'forwarding', kind: 'OBJECT' },
        { name: 'seriesInstanceUid', kind: 'SCALAR' },
        { name: 'sopInstanceUid', kind: 'SCALAR' },
      ),
    );
    expect(query).toContain('clinical modelName forwarding { state attempts lastError forwardedAt } seriesInstanceUid sopInstanceUid');
  });
});

describe('clinic studies panel', () => {
  it('warns that a demo reading is not a diagnosis, in both languages', () => {
    setLanguage('en');
    const study = readClinicStudy(demoReading);
    expect(clinicStudiesHtml([study])).toContain('Demo model, not a diagnosis');
    setLanguage('vi');
    expect(clinicStudiesHtml([study])).toContain('Mô hình demo, không phải chẩn đoán');
  });

  it('lists findings highest first with their scores and the model', () => {
    setLanguage('en');
    const html = clinicStudiesHtml([readClinicStudy(demoReading)]);
    expect(html.indexOf('Pleural effusion')).toBeLessThan(html.indexOf('Nodule'));
    expect(html).toContain('71%');
    expect(html).toContain(`${DEMO_MODEL} 1.0`);
  });

  it('shows no warning for a clinical model, and a generic one for a non-clinical site model', () => {
    setLanguage('en');
    const clinical = clinicStudiesHtml([readClinicStudy({ ...demoReading, clinical: true, modelName: 'site-model' })]);
    expect(clinical).not.toContain('data-testid="not-clinical"');
    const research = clinicStudiesHtml([readClinicStudy({ ...demoReading, modelName: 'research-model' })]);
    expect(research).toContain('Not for clinical use');
  });

  it('shows the forwarding state and builds the WADO-RS rendered link from the UIDs', () => {
    setLanguage('en');
    const study = readClinicStudy({
      ...demoReading,
      seriesInstanceUid: '1.2.3.4',
      sopInstanceUid: '1.2.3.4.5',
      forwarding: { state: 'RETRYING', attempts: 3, lastError: 'association refused', forwardedAt: null },
    });
    expect(study.renderedUrl).toBe('/dicomweb/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5/rendered');
    const html = clinicStudiesHtml([study]);
    expect(html).toContain('data-forwarding="RETRYING"');
    expect(html).toContain('Retrying (3 attempts)');
    expect(html).toContain('association refused');
    expect(html).toContain('data-rendered="/dicomweb/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5/rendered"');
  });

  it('offers no image without series and instance UIDs, and escapes server text', () => {
    setLanguage('en');
    const study = readClinicStudy({ ...demoReading, findings: [{ label: '<img src=x onerror=alert(1)>', score: 0.9 }] });
    expect(study.renderedUrl).toBeNull();
    const html = clinicStudiesHtml([study]);
    expect(html).not.toContain('data-rendered');
    expect(html).not.toContain('<img src=x');
  });

  it('says the studies are hidden when the key is not the clinic', () => {
    setLanguage('en');
    expect(clinicStudiesHtml(null)).toContain('Only this clinic');
    expect(clinicStudiesHtml([])).toContain('No study has been read');
  });
});
