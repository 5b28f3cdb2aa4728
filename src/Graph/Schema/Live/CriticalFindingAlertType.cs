using CityTwin.Graph.Schema.Clinics;
using CityTwin.Twin.Clinics;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>An AI reading found something critical at a clinic. It names the clinic and the findings, never the patient or study.</summary>
public sealed class CriticalFindingAlertType : ObjectGraphType<CriticalFinding>
{
    public CriticalFindingAlertType()
    {
        Name = "CriticalFindingAlert";
        Description = "An AI chest X-ray reading at a clinic found a critical sign. No patient or study identifier is included.";
        this.AddEventFields();
        Field<NonNullGraphType<IdGraphType>>("clinicId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImagingFindingGraphType>>>>("findings").Resolve(c => c.Source.Findings);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("analysedAt").Resolve(c => c.Source.AnalysedAt);
        Field<NonNullGraphType<StringGraphType>>("modelVersion").Resolve(c => c.Source.ModelVersion);
    }
}
