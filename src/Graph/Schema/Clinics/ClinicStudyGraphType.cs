using CityTwin.Twin.Clinics;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>The <c>ClinicStudy</c> type: one AI reading of a study, with the pseudonymised patient id only.</summary>
public sealed class ClinicStudyGraphType : ObjectGraphType<ClinicStudyRow>
{
    public ClinicStudyGraphType()
    {
        Name = "ClinicStudy";
        Description = "An AI chest X-ray reading. Visible only to the clinic's own key; the patient id is a keyed hash.";
        Field(s => s.StudyInstanceUid);
        Field(s => s.PseudonymisedPatientId);
        Field(s => s.ReceivedAt);
        Field(s => s.AnalysedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImagingFindingGraphType>>>>("findings")
            .Description("Labels over their thresholds, highest score first.")
            .Resolve(c => c.Source.FindingLabels.Zip(c.Source.FindingScores, (l, s) => new ImagingFinding(l, s)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("criticalFindings")
            .Description("Findings the model's configuration marks critical; each raised an operator alert.")
            .Resolve(c => c.Source.CriticalFindings);
        Field(s => s.Abnormal);
        Field(s => s.TurnaroundMs).Description("From the last byte received to the AI result, milliseconds.");
        Field(s => s.ModelVersion);
        Field(s => s.ModelName);
        Field(s => s.Clinical)
            .Description("False for the demo model (its scores mean nothing) and for models configured as not clinical: not a diagnosis.");
        ClinicStudyForwardingFields.AddTo(this);
    }
}
