namespace CityTwin.Twin.Schools;

/// <summary>A school, its enrolment and its remote classes. Key: school id.</summary>
[Alias("CityTwin.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<SchoolState?> GetAsync();

    /// <summary>Creates the school or updates its place and enrolment; idempotent.</summary>
    [Alias("Register")] Task RegisterAsync(SchoolDefinition definition);

    /// <summary>Counts a remote class this school hosted or joined; a class id already counted changes nothing.</summary>
    [Alias("RecordRemoteClass")] Task<SchoolState> RecordRemoteClassAsync(RemoteClass remoteClass);
}
