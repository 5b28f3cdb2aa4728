namespace CityTwin.Twin.Schools;

/// <summary>Level of a school in the Vietnamese system.</summary>
public enum SchoolLevel
{
    Primary = 0,
    LowerSecondary = 1,
    UpperSecondary = 2,
    University = 3,
}
