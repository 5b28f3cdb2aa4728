using CityTwin.Graph.Schema.Clinics;
using CityTwin.Twin.Clinics;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>An AI reading recorded on a clinic, as its own key receives it on <c>imagingResults</c>.</summary>
public sealed class ImagingResultEventType : ObjectGraphType<ImagingResultRecorded>
{
    public ImagingResultEventType()
    {
        Name = "ImagingResultEvent";
        Description = "An AI chest X-ray reading of one study. Only the clinic's own key receives these; the patient id is pseudonymised.";
        this.AddEventFields();
        Field<NonNullGraphType<IdGraphType>>("clinicId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("studyInstanceUid").Resolve(c => c.Source.Result.StudyInstanceUid);
        Field<NonNullGraphType<StringGraphType>>("pseudonymisedPatientId").Resolve(c => c.Source.Result.PseudonymisedPatientId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("receivedAt").Resolve(c => c.Source.Result.ReceivedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("analysedAt").Resolve(c => c.Source.Result.AnalysedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImagingFindingGraphType>>>>("findings").Resolve(c => c.Source.Result.Findings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("criticalFindings").Resolve(c => c.Source.Result.CriticalFindings);
        Field<NonNullGraphType<BooleanGraphType>>("abnormal").Resolve(c => c.Source.Result.Abnormal);
        Field<NonNullGraphType<FloatGraphType>>("turnaroundMs").Resolve(c => c.Source.Result.Turnaround.TotalMilliseconds);
        Field<NonNullGraphType<StringGraphType>>("modelVersion").Resolve(c => c.Source.Result.ModelVersion);
        Field<NonNullGraphType<StringGraphType>>("modelName").Resolve(c => c.Source.Result.ModelName);
        Field<NonNullGraphType<BooleanGraphType>>("clinical")
            .Description("False for the demo model (its scores mean nothing) and for models configured as not clinical: not a diagnosis.")
            .Resolve(c => c.Source.Result.Clinical);
    }
}
