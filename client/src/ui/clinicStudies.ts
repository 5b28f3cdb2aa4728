import { formatTime, t, tDynamic } from '../i18n';
import { DEMO_MODEL, type ClinicStudyView } from '../state/clinicStudies';
import { escapeHtml } from '../state/text';

/** The provenance warning of a reading: the demo model, or any model the site marked not clinical. */
function warning(study: ClinicStudyView): string {
  if (study.clinical !== false) return '';
  const text = study.modelName === DEMO_MODEL ? t('clinic.demoModel') : t('clinic.notClinical');
  return `<p class="not-clinical" role="note" data-testid="not-clinical">${escapeHtml(text)}</p>`;
}

function forwarding(study: ClinicStudyView): string {
  const f = study.forwarding;
  if (!f) return '';
  const error = f.lastError ? ` · <span class="error">${escapeHtml(f.lastError)}</span>` : '';
  const when = f.forwardedAt ? ` · ${escapeHtml(formatTime(f.forwardedAt))}` : '';
  return `<p class="forwarding" data-forwarding="${escapeHtml(f.state)}">${escapeHtml(t('clinic.forwarding'))}: ${escapeHtml(tDynamic('forwarding', f.state))}`
    + ` (${f.attempts} ${escapeHtml(t('clinic.attempts'))})${when}${error}</p>`;
}

function findings(study: ClinicStudyView): string {
  if (!study.findings.length) return `<p>${escapeHtml(t('clinic.noFindings'))}</p>`;
  return `<ul class="findings">${study.findings
    .map((f) => `<li>${escapeHtml(f.label)} <span class="score">${Math.round(f.score * 100)}%</span></li>`)
    .join('')}</ul>`;
}

/**
 * The clinic panel's list of its latest AI readings: findings, the model and its clinical flag (a demo warning on
 * every non-clinical reading), the PACS forwarding state and a button that opens the rendered image, when the server
 * has those. `null`: the key is not this clinic's, which sees no study.
 */
export function clinicStudiesHtml(studies: ClinicStudyView[] | null): string {
  const title = `<h3>${escapeHtml(t('clinic.studies'))}</h3>`;
  if (studies === null) return `${title}<p>${escapeHtml(t('clinic.studiesHidden'))}</p>`;
  if (!studies.length) return `${title}<p>${escapeHtml(t('clinic.noStudies'))}</p>`;
  const rows = studies.map((s) => {
    const model = s.modelName ? `${s.modelName} ${s.modelVersion}` : s.modelVersion;
    const open = s.renderedUrl
      ? `<button type="button" data-rendered="${escapeHtml(s.renderedUrl)}">${escapeHtml(t('clinic.openImage'))}</button>`
      : '';
    return `<li class="study${s.abnormal ? ' abnormal' : ''}" data-study="${escapeHtml(s.studyInstanceUid)}">
      <div>${escapeHtml(formatTime(s.analysedAt))}${s.abnormal ? ` · <strong>${escapeHtml(t('place.abnormal'))}</strong>` : ''}</div>
      ${warning(s)}${findings(s)}
      <p class="model">${escapeHtml(t('clinic.model'))}: ${escapeHtml(model)}</p>${forwarding(s)}${open}</li>`;
  });
  return `${title}<ol class="studies">${rows.join('')}</ol><div id="clinic-image"></div>`;
}
